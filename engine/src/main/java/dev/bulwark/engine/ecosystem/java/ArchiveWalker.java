package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.FailureWatchingStream;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams one Java archive and the archives nested in it, front to back with {@link ZipInputStream} (a layer gives a
 * stream, not a seekable file, and nothing is extracted to disk), hashing each archive as it goes. Every Maven
 * {@code pom.properties} becomes a package; an archive with none falls back to its manifest, marked low confidence.
 * Each bound in {@link ArchiveLimits} turns into a counted warning that gives up the archive concerned, keeping what
 * was found before.
 */
final class ArchiveWalker {
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final ArchiveLimits limits;
    private final WarningSink warnings;
    private final String foundBy;
    private final ArchiveBudget fileBudget;
    private final List<Package> found = new ArrayList<>();
    private final byte[] scratch = new byte[64 << 10];
    private int nestedArchives;
    private boolean nestedLimitWarned;

    private ArchiveWalker(String path, ArchiveLimits limits, WarningSink warnings, String foundBy) {
        this.limits = limits;
        this.warnings = warnings;
        this.foundBy = foundBy;
        this.fileBudget = new ArchiveBudget(null, limits.maxBytesPerFile(), path + " with its nested archives");
    }

    /** The packages in the archive file {@code path}, read from {@code raw} to its end. */
    static List<Package> walk(String path, InputStream raw, ArchiveLimits limits, WarningSink warnings,
            String foundBy) throws IOException {
        ArchiveWalker walker = new ArchiveWalker(path, limits, warnings, foundBy);
        FailureWatchingStream watched = new FailureWatchingStream(raw);
        MessageDigest sha1 = sha1();
        DigestInputStream hashed = new DigestInputStream(watched, sha1);
        Contents contents = walker.read(path, hashed, 0, new ArchiveBudget(walker.fileBudget,
                limits.maxBytesPerArchive(), path));
        if (watched.failure() != null) {
            throw watched.failure(); // the file could not be read: not a malformed archive
        }
        hashed.transferTo(OutputStream.nullOutputStream()); // the rest (central directory) completes the hash
        walker.emit(path, contents, HexFormat.of().formatHex(sha1.digest()));
        return walker.found;
    }

    /** What one archive says about itself. */
    private static final class Contents {
        final Set<MavenCoordinates> poms = new LinkedHashSet<>();
        byte[] manifest;
        int entries;
    }

    private Contents read(String path, InputStream in, int depth, ArchiveBudget budget) throws IOException {
        Contents contents = new Contents();
        ZipInputStream zip = new ZipInputStream(new FilterInputStream(in) {
            @Override
            public void close() {
                // the stream below is the enclosing archive's entry or the layer's file
            }
        });
        try (zip) {
            InputStream entry = budget.meter(zip);
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++contents.entries > limits.maxEntriesPerArchive()) {
                    warnings.warn("java.too-many-entries", path + ": more than " + limits.maxEntriesPerArchive()
                            + " entries; the rest is not read");
                    return contents;
                }
                if (!e.isDirectory()) {
                    entry(path, e.getName(), entry, depth, contents);
                }
                drain(entry);
            }
            if (contents.entries == 0) {
                warnings.warn("java.not-an-archive", path + ": no zip entries (not a Java archive?)");
            }
        } catch (ArchiveBudget.Exhausted x) {
            if (x.budget != budget && !(depth == 0 && x.budget == fileBudget)) {
                throw x; // an enclosing archive's bound: it gives up, and this one with it
            }
            warnings.warn("java.zip-bomb", x.getMessage() + "; the rest is not read");
        } catch (IOException | RuntimeException x) {
            // ZipException, EOFException (truncated), IllegalArgumentException (undecodable entry name)
            warnings.warn("java.malformed-archive", path + ": " + oneLine(x) + "; the rest is not read");
        }
        return contents;
    }

    private void entry(String path, String name, InputStream entry, int depth, Contents contents) throws IOException {
        if (ArchiveNames.isPomProperties(name)) {
            byte[] data = readSmall(path, name, entry, limits.maxMetadataBytes());
            if (data != null) {
                try {
                    MavenCoordinates c = PomProperties.parse(data);
                    if (c != null) {
                        contents.poms.add(c);
                    } else {
                        warnings.warn("java.incomplete-pom-properties", path + "!/" + name
                                + ": no usable groupId, artifactId and version");
                    }
                } catch (IOException x) {
                    warnings.warn("java.malformed-pom-properties", path + "!/" + name + ": " + oneLine(x));
                }
            }
        } else if (MANIFEST.equalsIgnoreCase(name)) {
            contents.manifest = readSmall(path, name, entry, limits.maxManifestBytes());
        } else if (ArchiveNames.isArchive(name)) {
            nested(path + "!/" + name, entry, depth + 1);
        }
    }

    private void nested(String path, InputStream entry, int depth) throws IOException {
        if (depth > limits.maxDepth()) {
            warnings.warn("java.nested-too-deep", path + ": archives nested deeper than " + limits.maxDepth()
                    + " are not opened");
            return;
        }
        if (++nestedArchives > limits.maxNestedArchives()) {
            if (!nestedLimitWarned) {
                nestedLimitWarned = true;
                warnings.warn("java.too-many-archives", path + ": more than " + limits.maxNestedArchives()
                        + " nested archives in one file; the rest are not opened");
            }
            return;
        }
        MessageDigest sha1 = sha1();
        DigestInputStream hashed = new DigestInputStream(entry, sha1);
        ArchiveBudget budget = new ArchiveBudget(fileBudget, limits.maxBytesPerArchive(), path);
        Contents contents = read(path, hashed, depth, budget);
        hashed.transferTo(OutputStream.nullOutputStream());
        emit(path, contents, HexFormat.of().formatHex(sha1.digest()));
    }

    private byte[] readSmall(String path, String name, InputStream entry, int limit) throws IOException {
        byte[] data = entry.readNBytes(limit + 1);
        if (data.length > limit) {
            warnings.warn("java.oversized-metadata", path + "!/" + name + " is over " + limit + " bytes; not read");
            return null;
        }
        return data;
    }

    private void drain(InputStream entry) throws IOException {
        while (entry.read(scratch, 0, scratch.length) >= 0) {
            // read, not skipped, so every inflated byte is counted against the budget
        }
    }

    private void emit(String path, Contents contents, String sha1) {
        Map<String, String> hashes = Map.of("sha1", sha1);
        if (!contents.poms.isEmpty()) {
            for (MavenCoordinates c : contents.poms) {
                found.add(pkg(c, path, hashes, Set.of()));
            }
            return;
        }
        if (contents.entries == 0) {
            return; // already warned: not an archive
        }
        try {
            MavenCoordinates guess = ManifestCoordinates.guess(contents.manifest, path);
            if (guess != null) {
                found.add(pkg(guess, path, hashes, Set.of(PackageFlag.LOW_CONFIDENCE)));
                return;
            }
        } catch (IOException | RuntimeException x) {
            warnings.warn("java.malformed-manifest", path + "!/" + MANIFEST + ": " + oneLine(x));
        }
        warnings.warn("java.unidentified-archive", path + ": no Maven metadata and no version in its manifest or "
                + "file name");
    }

    private Package pkg(MavenCoordinates c, String path, Map<String, String> hashes, Set<PackageFlag> flags) {
        return new Package("maven", c.packageName(), c.version(), null, null, null, List.of(), foundBy, path, null,
                null, hashes, null, flags, null);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
