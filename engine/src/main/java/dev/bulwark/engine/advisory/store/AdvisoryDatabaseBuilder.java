package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * Collects what importers deliver and writes the database file. An advisory delivered twice under one id (the
 * Debian tracker delivers a CVE once per source package; OSV and the tracker may both hold {@code DEBIAN-CVE-...})
 * is merged: affected packages, aliases, severities and references are united, other fields keep the first value.
 * Not thread-safe: feed it from one thread.
 */
public final class AdvisoryDatabaseBuilder implements AdvisorySink {
    private final Map<String, Advisory> advisories = new HashMap<>();
    private final Map<String, KevEntry> kev = new HashMap<>();
    private final Map<String, EpssScore> epss = new HashMap<>();
    private final ImportWarnings warnings = new ImportWarnings();
    private String epssModelVersion;
    private String epssScoreDate;
    private long merged;

    @Override
    public void advisory(Advisory advisory) {
        Objects.requireNonNull(advisory, "advisory");
        Advisory old = advisories.putIfAbsent(advisory.id(), advisory);
        if (old != null) {
            advisories.put(advisory.id(), merge(old, advisory));
            merged++;
        }
    }

    @Override
    public void kev(KevEntry entry) {
        kev.put(entry.cveId(), entry);
    }

    @Override
    public void epss(EpssScore score) {
        epss.put(score.cveId(), score);
    }

    @Override
    public void epssModel(String modelVersion, String scoreDate) {
        epssModelVersion = modelVersion;
        epssScoreDate = scoreDate;
    }

    @Override
    public void warn(String code, String message) {
        warnings.add(code, message);
    }

    /** How many distinct advisories were delivered so far. */
    public int advisoryCount() {
        return advisories.size();
    }

    /** The warnings counted so far, by code. */
    public Map<String, Long> warningCounts() {
        return Map.copyOf(warnings.counts());
    }

    /**
     * Writes the database to a temporary file in the target's directory, forces it to disk and renames it over
     * {@code file}, so readers see the old file or the new one, never a part. Throws {@link BulwarkException}
     * ({@link ErrorKind#LOCAL_IO}) when the file cannot be written; the old file is then untouched.
     */
    public DatabaseMetadata writeAtomically(Path file) {
        return writeAtomically(file, UnaryOperator.identity());
    }

    /** As {@link #writeAtomically(Path)}, with the output channel wrapped (tests break writes half-way). */
    DatabaseMetadata writeAtomically(Path file, UnaryOperator<WritableByteChannel> wrap) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            DatabaseSections sections = DatabaseSections.build(advisories, kev, epss);
            DatabaseMetadata meta = metadata(sections);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                write(wrap.apply(ch), ch, sections, meta);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
            return meta;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BulwarkException b && b.kind() != ErrorKind.LOCAL_IO) {
                throw b;
            }
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write advisory database " + target + ": "
                    + e.getMessage() + "; the previous database is unchanged", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named after the target; a later write may leave it
                }
            }
        }
    }

    private static void write(WritableByteChannel out, FileChannel ch, DatabaseSections s, DatabaseMetadata meta)
            throws IOException {
        List<byte[]> parts = s.parts();
        long[] lengths = new long[parts.size()];
        long total = 0;
        CRC32C crc = new CRC32C();
        for (int i = 0; i < parts.size(); i++) {
            lengths[i] = parts.get(i).length;
            total += lengths[i];
            crc.update(parts.get(i));
        }
        byte[] header = DatabaseFormat.header(crc.getValue(), lengths, meta);
        if (total + header.length > Integer.MAX_VALUE) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, "advisory database would exceed 2 GiB");
        }
        writeFully(out, header);
        for (byte[] part : parts) {
            writeFully(out, part);
        }
        ch.force(true);
    }

    private static void writeFully(WritableByteChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // not every platform can open a directory; the rename itself is atomic regardless
        }
    }

    private DatabaseMetadata metadata(DatabaseSections s) {
        Map<String, Long> sources = new TreeMap<>();
        Map<String, Long> ecosystems = new TreeMap<>();
        long withdrawn = 0;
        for (Advisory a : advisories.values()) {
            sources.merge(a.source().label(), 1L, Long::sum);
            withdrawn += a.isWithdrawn() ? 1 : 0;
            a.affected().forEach(x -> ecosystems.merge(x.key().ecosystem(), 1L, Long::sum));
        }
        return new DatabaseMetadata(DatabaseFormat.SCHEMA_VERSION, Instant.now(), advisories.size(), withdrawn,
                merged, s.packageKeys(), kev.size(), epss.size(), epssModelVersion, epssScoreDate, sources,
                ecosystems, warnings.counts(), warnings.examples());
    }

    private static Advisory merge(Advisory a, Advisory b) {
        return new Advisory(a.id(), union(a.aliases(), b.aliases()), union(a.related(), b.related()),
                union(a.upstream(), b.upstream()), first(a.summary(), b.summary()), first(a.details(), b.details()),
                first(a.published(), b.published()), first(a.modified(), b.modified()),
                first(a.withdrawn(), b.withdrawn()), union(a.severities(), b.severities()),
                union(a.affected(), b.affected()), union(a.references(), b.references()),
                first(a.databaseSpecific(), b.databaseSpecific()), a.source());
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
