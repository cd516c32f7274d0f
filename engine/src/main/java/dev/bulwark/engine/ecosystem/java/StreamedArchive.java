package dev.bulwark.engine.ecosystem.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an archive front to back with {@link ZipInputStream}, inflating every entry, for the archives the central
 * directory cannot serve: archives too large for the heap buffer (a fat jar itself), truncated ones (whatever
 * precedes the cut is kept) and zip64 ones. Every inflated byte is counted against the budgets; nested archives go
 * back to {@link ArchiveWalker#opened}.
 */
final class StreamedArchive {
    private final ArchiveWalker walker;

    StreamedArchive(ArchiveWalker walker) {
        this.walker = walker;
    }

    ArchiveContents read(String path, InputStream in, int depth, ArchiveBudget budget) throws IOException {
        ArchiveContents contents = new ArchiveContents();
        ZipInputStream zip = new ZipInputStream(new FilterInputStream(in) {
            @Override
            public void close() {
                // the stream below is the enclosing archive's entry or the spooled file
            }
        });
        try (zip) {
            InputStream entry = budget.meter(zip);
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++contents.entries > walker.limits.maxEntriesPerArchive()) {
                    walker.warnings.warn("java.too-many-entries", path + ": more than "
                            + walker.limits.maxEntriesPerArchive() + " entries; the rest is not read");
                    return contents;
                }
                if (!e.isDirectory()) {
                    // A stored entry's size is the bytes the stream holds for it; a deflated one's is only a claim.
                    long stored = e.getMethod() == ZipEntry.STORED ? e.getSize() : -1;
                    entry(path, e.getName(), stored, entry, depth, contents);
                }
                drain(entry);
            }
            if (contents.entries == 0) {
                walker.warnings.warn("java.not-an-archive", path + ": no zip entries (not a Java archive?)");
            }
        } catch (ArchiveBudget.Exhausted x) {
            if (x.budget != budget && !(depth == 0 && x.budget == walker.fileBudget)) {
                throw x; // an enclosing archive's bound: it gives up, and this one with it
            }
            walker.warnings.warn("java.zip-bomb", x.getMessage() + "; the rest is not read");
        } catch (IOException | RuntimeException x) {
            // ZipException, EOFException (truncated), IllegalArgumentException (undecodable entry name)
            walker.warnings.warn("java.malformed-archive", path + ": " + ArchiveWalker.oneLine(x)
                    + "; the rest is not read");
        }
        return contents;
    }

    private void entry(String path, String name, long size, InputStream entry, int depth,
            ArchiveContents contents) throws IOException {
        if (ArchiveNames.isPomProperties(name)) {
            byte[] data = readSmall(path, name, entry, walker.limits.maxMetadataBytes());
            if (data != null) {
                contents.pom(path, name, data, walker.warnings);
            }
        } else if (ArchiveContents.MANIFEST.equalsIgnoreCase(name)) {
            contents.manifest = readSmall(path, name, entry, walker.limits.maxManifestBytes());
        } else if (ArchiveNames.isArchive(name)) {
            nested(path + "!/" + name, entry, depth + 1, size);
        }
    }

    private void nested(String path, InputStream entry, int depth, long size) throws IOException {
        if (walker.mayOpenNested(path, depth)) {
            walker.opened(path, entry, depth, size);
        }
    }

    private byte[] readSmall(String path, String name, InputStream entry, int limit) throws IOException {
        byte[] data = entry.readNBytes(limit + 1);
        if (data.length > limit) {
            walker.warnings.warn("java.oversized-metadata", path + "!/" + name + " is over " + limit
                    + " bytes; not read");
            return null;
        }
        return data;
    }

    private void drain(InputStream entry) throws IOException {
        while (entry.read(walker.scratch, 0, walker.scratch.length) >= 0) {
            // read, not skipped, so every inflated byte is counted against the budget
        }
    }
}
