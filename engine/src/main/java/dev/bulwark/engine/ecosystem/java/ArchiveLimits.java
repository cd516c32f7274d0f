package dev.bulwark.engine.ecosystem.java;

/**
 * Bounds on reading one archive file and everything nested in it, so a zip bomb or a depth bomb costs bounded time
 * and memory and becomes a warning.
 *
 * @param maxDepth archives nested deeper than this (the file itself is depth 0) are not opened
 * @param maxEntriesPerArchive entries read from one archive before the rest of it is given up
 * @param maxBytesPerArchive uncompressed bytes read from one archive's entries before the rest is given up
 * @param maxBytesPerFile uncompressed bytes read from the file and all archives nested in it together
 * @param maxNestedArchives nested archives opened within one file
 * @param maxMetadataBytes the largest {@code pom.properties} read
 * @param maxManifestBytes the largest {@code MANIFEST.MF} read
 */
record ArchiveLimits(int maxDepth, int maxEntriesPerArchive, long maxBytesPerArchive, long maxBytesPerFile,
        int maxNestedArchives, int maxMetadataBytes, int maxManifestBytes) {

    static final ArchiveLimits DEFAULTS = new ArchiveLimits(8, 200_000, 1L << 30, 2L << 30, 10_000, 64 << 10,
            1 << 20);
}
