package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.BoundedRead;
import dev.bulwark.engine.catalog.FailureWatchingStream;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one Java archive and the archives nested in it, hashing each, without extracting anything to disk. An
 * archive that fits a bounded heap buffer (a small jar; each jar nested in a fat jar) is read through its zip central
 * directory: only {@code pom.properties}, the manifest and nested archives are opened, a stored nested archive (as
 * Spring Boot stores them) is read in place as a range of its parent, so no class is ever inflated. A larger archive
 * (a fat jar itself), or one without a usable central directory (truncated, zip64), is streamed front to back by
 * {@link StreamedArchive}, which hands each nested archive back here. Every Maven {@code pom.properties} becomes a
 * package; an archive with none falls back to its manifest, marked low confidence. Each bound in
 * {@link ArchiveLimits} turns into a counted warning that gives up the archive concerned, keeping what was found
 * before.
 */
final class ArchiveWalker {
    /**
     * An archive up to this size is held in heap and read by its central directory. Nested jars of real fat jars
     * reach 12 MB (hibernate-core, elasticsearch-java); larger ones are streamed, inflating every entry.
     */
    static final int IN_HEAP = 16 << 20;
    /**
     * Heap held by the buffered archives of one file at once (they nest): with at most 4 layers read in parallel,
     * under 100 MB of the engine's 256 MB heap in the worst case.
     */
    static final int HEAP_PER_FILE = 24 << 20;

    final ArchiveLimits limits;
    final WarningSink warnings;
    private final String foundBy;
    final ArchiveBudget fileBudget;
    private final List<Package> found = new ArrayList<>();
    final byte[] scratch = new byte[64 << 10];
    private final StreamedArchive streamed = new StreamedArchive(this);
    private int nestedArchives;
    private boolean nestedLimitWarned;
    private long heapHeld;
    /** The buffer the archives directly inside the file are read into, one after another; grows to the largest. */
    private byte[] reusable = new byte[64 << 10];

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
        ArchiveBudget budget = new ArchiveBudget(walker.fileBudget, limits.maxBytesPerArchive(), path);
        byte[] head = watched.readNBytes(IN_HEAP + 1);
        if (head.length <= IN_HEAP) {
            sha1.update(head);
            ArchiveContents contents = walker.read(path, ArchiveSlice.of(head), 0, budget);
            walker.emit(path, contents, HexFormat.of().formatHex(sha1.digest()));
            return walker.found;
        }
        // A large archive (a fat jar) is hashed on another thread while its nested archives are read here.
        try (BackgroundDigest hashing = new BackgroundDigest(sha1)) {
            hashing.updateShared(head);
            InputStream rest = hashing.tee(watched);
            ArchiveContents contents = walker.streamed.read(path, new SequenceInputStream(
                    new ByteArrayInputStream(head), rest), 0, budget);
            if (watched.failure() != null) {
                throw watched.failure(); // the file could not be read: not a malformed archive
            }
            rest.transferTo(OutputStream.nullOutputStream()); // the rest (central directory) completes the hash
            walker.emit(path, contents, HexFormat.of().formatHex(hashing.finish()));
        }
        return walker.found;
    }

    /** Reads one archive through its central directory, or front to back when it has no usable one. */
    private ArchiveContents read(String path, ArchiveSlice archive, int depth, ArchiveBudget budget)
            throws IOException {
        int maxEntries = limits.maxEntriesPerArchive();
        CentralDirectory directory;
        try {
            directory = CentralDirectory.open(archive, maxEntries);
        } catch (IOException | RuntimeException x) {
            warnings.warn("java.malformed-central-directory", path + ": " + oneLine(x) + "; read front to back");
            directory = null;
        }
        if (directory == null) {
            return streamed.read(path, archive.stream(), depth, budget);
        }
        ArchiveContents contents = new ArchiveContents();
        try {
            // The declared sizes are what streaming would inflate: the same budget, spent without inflating, in
            // directory order up to each wanted entry, so it runs out before the entry it would have stopped at.
            long spent = 0;
            for (CentralDirectory.Entry e : directory.wanted()) {
                if (e.ordinal() >= maxEntries) {
                    break;
                }
                contents.entries = e.ordinal() + 1;
                budget.spend(e.sizeThrough() - spent);
                spent = e.sizeThrough();
                if (!e.isDirectory()) {
                    entry(path, directory, e, depth, contents);
                }
            }
            contents.entries = Math.min(directory.count(), maxEntries);
            budget.spend(directory.sizeOfFirst() - spent);
            if (directory.count() > maxEntries) {
                contents.entries = maxEntries + 1;
                warnings.warn("java.too-many-entries", path + ": more than " + maxEntries
                        + " entries; the rest is not read");
                return contents;
            }
            if (contents.entries == 0) {
                warnings.warn("java.not-an-archive", path + ": no zip entries (not a Java archive?)");
            }
        } catch (ArchiveBudget.Exhausted x) {
            if (x.budget != budget && !(depth == 0 && x.budget == fileBudget)) {
                throw x; // an enclosing archive's bound: it gives up, and this one with it
            }
            warnings.warn("java.zip-bomb", x.getMessage() + "; the rest is not read");
        }
        return contents;
    }

    private void entry(String path, CentralDirectory directory, CentralDirectory.Entry e, int depth,
            ArchiveContents contents) throws IOException {
        String name = e.name();
        boolean pom = ArchiveNames.isPomProperties(name);
        boolean manifest = !pom && ArchiveContents.MANIFEST.equalsIgnoreCase(name);
        if (!pom && !manifest && !ArchiveNames.isArchive(name)) {
            return;
        }
        int limit = pom ? limits.maxMetadataBytes() : limits.maxManifestBytes();
        if ((pom || manifest) && e.size() > limit) {
            warnings.warn("java.oversized-metadata", path + "!/" + name + " is over " + limit + " bytes; not read");
            return;
        }
        ArchiveSlice data;
        try {
            data = directory.data(e);
            if (pom || manifest) {
                byte[] bytes = EntryStreams.readAll(data, e);
                if (pom) {
                    contents.pom(path, name, bytes, warnings);
                } else {
                    contents.manifest = bytes;
                }
                return;
            }
        } catch (ArchiveBudget.Exhausted x) {
            throw x;
        } catch (IOException | RuntimeException x) {
            warnings.warn("java.malformed-archive", path + "!/" + name + ": " + oneLine(x) + "; entry skipped");
            return;
        }
        nested(path + "!/" + name, data, e, depth + 1);
    }

    /** Whether one more nested archive may be opened at {@code depth}; warns when not. */
    boolean mayOpenNested(String path, int depth) {
        if (depth > limits.maxDepth()) {
            warnings.warn("java.nested-too-deep", path + ": archives nested deeper than " + limits.maxDepth()
                    + " are not opened");
            return false;
        }
        if (++nestedArchives > limits.maxNestedArchives()) {
            if (!nestedLimitWarned) {
                nestedLimitWarned = true;
                warnings.warn("java.too-many-archives", path + ": more than " + limits.maxNestedArchives()
                        + " nested archives in one file; the rest are not opened");
            }
            return false;
        }
        return true;
    }

    private void nested(String path, ArchiveSlice data, CentralDirectory.Entry e, int depth) throws IOException {
        if (!mayOpenNested(path, depth)) {
            return;
        }
        if (e.method() != CentralDirectory.STORED) {
            try {
                opened(path, EntryStreams.open(data, e), depth, -1); // a deflated size is only a claim
            } catch (ArchiveBudget.Exhausted x) {
                throw x;
            } catch (IOException | RuntimeException x) {
                // the bytes are in heap: any failure is the entry's data, not I/O
                warnings.warn("java.malformed-archive", path + ": " + oneLine(x) + "; not read");
            }
            return;
        }
        MessageDigest sha1 = sha1();
        data.hash(sha1);
        ArchiveContents contents = read(path, data, depth, new ArchiveBudget(fileBudget, limits.maxBytesPerArchive(),
                path));
        emit(path, contents, HexFormat.of().formatHex(sha1.digest()));
    }

    /**
     * A nested archive given as a stream (an entry of a streamed archive, or a deflated entry): held in heap and read
     * by its central directory when it fits the heap bound, else streamed. The caller has checked
     * {@link #mayOpenNested}.
     */
    void opened(String path, InputStream entry, int depth, long declaredSize) throws IOException {
        MessageDigest sha1 = sha1();
        ArchiveBudget budget = new ArchiveBudget(fileBudget, limits.maxBytesPerArchive(), path);
        int room = (int) Math.max(0, Math.min(IN_HEAP, HEAP_PER_FILE - heapHeld));
        // Stored entries come with their size (read into one array of it); the archives directly inside the file
        // are read one after another into the walker's own buffer: a first touch of fresh heap pages cost more than
        // reading the bytes (a fat jar's nested jars are 136 MB in all).
        BoundedRead head = BoundedRead.of(entry, room + 1, declaredSize, depth == 1 ? reusable : null);
        if (depth == 1 && head.bytes().length > reusable.length) {
            reusable = head.bytes(); // grown for this archive: kept for the next
        }
        int length = head.length();
        heapHeld += length;
        try {
            ArchiveContents contents;
            sha1.update(head.bytes(), 0, length);
            if (length <= room) {
                contents = read(path, ArchiveSlice.of(head.bytes(), length), depth, budget);
            } else {
                DigestInputStream rest = new DigestInputStream(entry, sha1);
                contents = streamed.read(path, new SequenceInputStream(new ByteArrayInputStream(head.bytes(), 0,
                        length), rest), depth, budget);
                rest.transferTo(OutputStream.nullOutputStream());
            }
            emit(path, contents, HexFormat.of().formatHex(sha1.digest()));
        } finally {
            heapHeld -= length;
        }
    }

    void emit(String path, ArchiveContents contents, String sha1) {
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
            warnings.warn("java.malformed-manifest", path + "!/" + ArchiveContents.MANIFEST + ": " + oneLine(x));
        }
        warnings.warn("java.unidentified-archive", path + ": no Maven metadata and no version in its manifest or "
                + "file name");
    }

    private Package pkg(MavenCoordinates c, String path, Map<String, String> hashes, Set<PackageFlag> flags) {
        return new Package("maven", c.packageName(), c.version(), null, null, null, List.of(), foundBy, path, null,
                null, hashes, null, flags, null);
    }

    static MessageDigest sha1() {
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
