package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A read-only advisory database file, memory-mapped. Opening reads only the header; each lookup is a binary search
 * in the mapped index and decodes only what it returns. Safe for concurrent use. Withdrawn advisories are not in
 * the package index, so {@link #affected} never returns them; {@link #advisory} still does, with the date.
 */
public final class AdvisoryDatabase implements AutoCloseable {
    private final Path file;
    private final ByteBuffer buf;
    private volatile DatabaseMetadata metadata;
    private final SortedTable packages;
    private final SortedTable advisories;
    private final SortedTable aliases;
    private final SortedTable kev;
    private final SortedTable epss;
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> memos =
            new java.util.concurrent.ConcurrentHashMap<>();

    private AdvisoryDatabase(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf;
        int[] s = DatabaseFormat.sections(buf);
        this.packages = new SortedTable(buf, s[2 * DatabaseFormat.PACKAGES], s[2 * DatabaseFormat.PACKAGES + 1]);
        this.advisories = new SortedTable(buf, s[2 * DatabaseFormat.ADVISORIES],
                s[2 * DatabaseFormat.ADVISORIES + 1]);
        this.aliases = new SortedTable(buf, s[2 * DatabaseFormat.ALIASES], s[2 * DatabaseFormat.ALIASES + 1]);
        this.kev = new SortedTable(buf, s[2 * DatabaseFormat.KEV], s[2 * DatabaseFormat.KEV + 1]);
        this.epss = new SortedTable(buf, s[2 * DatabaseFormat.EPSS], s[2 * DatabaseFormat.EPSS + 1]);
    }

    /**
     * Opens the database file. Throws {@link BulwarkException}: {@link ErrorKind#NOT_FOUND} when it does not
     * exist, {@link ErrorKind#INVALID_INPUT} when it is not a database of this schema version.
     */
    public static AdvisoryDatabase open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new CorruptDatabase("file larger than 2 GiB");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new AdvisoryDatabase(file, map);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "no advisory database at " + file
                    + "; build one with 'bulwark db update' or 'bulwark db import'");
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot read advisory database " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A reader's memo for this open database, made on first use: what a reader worked out from the file (the matcher
     * keeps its parsed entries there). The file never changes while it is open (an update writes a new file and
     * moves it into place), so nothing kept there can go stale.
     */
    public <T> T memo(Class<T> kind, java.util.function.Supplier<T> create) {
        return kind.cast(memos.computeIfAbsent(kind, k -> create.get()));
    }

    /** The affected-package records of every non-withdrawn advisory naming {@code key}, in advisory id order. */
    public List<AffectedEntry> affected(PackageKey key) {
        RecordReader r = packages.find(DatabaseSections.utf8(DatabaseSections.keyString(key)));
        if (r == null) {
            return List.of();
        }
        int n = r.count();
        List<AffectedEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(AdvisoryCodec.readEntry(r, key));
        }
        return out;
    }

    /** The full advisory, withdrawn ones included. */
    public Optional<Advisory> advisory(String id) {
        RecordReader r = advisories.find(DatabaseSections.utf8(id));
        return r == null ? Optional.empty() : Optional.of(AdvisoryCodec.readAdvisory(r));
    }

    /**
     * The advisory as a finding shows it: everything but its {@code details} (null) and {@code affected} packages
     * (empty), which is most of a record; withdrawn ones included.
     */
    public Optional<Advisory> advisoryForMatching(String id) {
        RecordReader r = advisories.find(DatabaseSections.utf8(id));
        return r == null ? Optional.empty() : Optional.of(AdvisoryCodec.readAdvisoryForMatching(r));
    }

    /**
     * Every other id the imported advisories connect to {@code id} through {@code aliases}, transitively (a GHSA,
     * its CVE and a PYSEC naming the same CVE), sorted; empty when none.
     */
    public List<String> aliasesOf(String id) {
        RecordReader r = aliases.find(DatabaseSections.utf8(id));
        if (r == null) {
            return List.of();
        }
        List<String> group = new ArrayList<>(r.strings());
        group.remove(id);
        return group;
    }

    public Optional<KevEntry> kev(String cveId) {
        RecordReader r = kev.find(DatabaseSections.utf8(cveId));
        return r == null ? Optional.empty() : Optional.of(AdvisoryCodec.readKev(r));
    }

    public Optional<EpssScore> epss(String cveId) {
        RecordReader r = epss.find(DatabaseSections.utf8(cveId));
        if (r == null) {
            return Optional.empty();
        }
        try {
            double score = Double.longBitsToDouble(r.longValue()); // stored in this order: score, percentile
            double percentile = Double.longBitsToDouble(r.longValue());
            return Optional.of(new EpssScore(cveId, score, percentile));
        } catch (IllegalArgumentException e) {
            throw new CorruptDatabase("invalid EPSS score for " + cveId);
        }
    }

    /** Schema version, build time, counts per source and ecosystem, and import warnings: {@code db status}. */
    public DatabaseMetadata metadata() {
        // parsed on first use: a scan that only looks up packages never starts the JSON reader for it
        DatabaseMetadata m = metadata;
        if (m == null) {
            m = DatabaseFormat.metadata(buf);
            metadata = m;
        }
        return m;
    }

    /** The number of distinct package keys in the index. */
    public int packageKeyCount() {
        return packages.count();
    }

    /** Checks the CRC32C of all sections (reads the whole file); throws {@link BulwarkException} on a mismatch. */
    public void verify() {
        int[] s = DatabaseFormat.sections(buf);
        CRC32C crc = new CRC32C();
        crc.update(buf.slice(s[0], s[s.length - 1] - s[0]));
        if (crc.getValue() != DatabaseFormat.crc(buf)) {
            throw new CorruptDatabase("checksum mismatch in " + file);
        }
    }

    /** Releases this handle; the mapping itself is freed by the garbage collector. */
    @Override
    public void close() {
        // a MappedByteBuffer cannot be unmapped explicitly before the FFM API; nothing else is held
    }
}
