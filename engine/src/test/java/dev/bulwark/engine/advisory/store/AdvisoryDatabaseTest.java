package dev.bulwark.engine.advisory.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.advisory.osv.OsvImporter;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real OSV data through the database file and back; atomic replacement; damaged files. */
class AdvisoryDatabaseTest {
    private static final RecordingSink IMPORTED = new RecordingSink();

    @BeforeAll
    static void importOnce() {
        OsvImporter.importDirectory(Fixtures.sharedData().resolve("osv"), IMPORTED);
    }

    private static Path build(Path dir) {
        AdvisoryDatabaseBuilder b = new AdvisoryDatabaseBuilder();
        IMPORTED.advisories.forEach(b::advisory);
        b.warn("osv.example", "an example warning");
        b.kev(new KevEntry("CVE-2021-44228", "Apache", "Log4j2", "Apache Log4j2 RCE", LocalDate.of(2021, 12, 10),
                LocalDate.of(2021, 12, 24), "Known", "Log4Shell"));
        b.epss(new EpssScore("CVE-2021-44228", 0.94358, 0.99957));
        Path db = dir.resolve("advisories.db");
        b.writeAtomically(db);
        return db;
    }

    @Test
    void everyAdvisoryRoundTripsThroughTheFile(@TempDir Path dir) {
        try (AdvisoryDatabase db = AdvisoryDatabase.open(build(dir))) {
            for (Advisory a : IMPORTED.advisories) {
                assertEquals(a, db.advisory(a.id()).orElseThrow(), a.id());
            }
            assertTrue(db.advisory("GHSA-0000-0000-0000").isEmpty());
            db.verify();
            DatabaseMetadata m = db.metadata();
            assertEquals(IMPORTED.advisories.size(), m.advisories());
            assertEquals(Long.valueOf(IMPORTED.advisories.size()), m.sources().get("osv"));
            assertEquals(1L, m.warnings().get("osv.example"));
            assertEquals(DatabaseFormat.SCHEMA_VERSION, m.schemaVersion());
            assertEquals("Log4Shell", db.kev("CVE-2021-44228").orElseThrow().shortDescription());
            assertEquals(0.94358, db.epss("CVE-2021-44228").orElseThrow().epss());
            assertTrue(db.kev("CVE-1999-0001").isEmpty());
        }
    }

    /** The package index answers what jq finds: every non-withdrawn advisory naming log4j-core, and no other. */
    @Test
    void theMatchingViewIsTheAdvisoryWithoutDetailsAndAffectedPackages(@TempDir Path dir) {
        try (AdvisoryDatabase db = AdvisoryDatabase.open(build(dir))) {
            for (Advisory a : IMPORTED.advisories) {
                Advisory expected = new Advisory(a.id(), a.aliases(), a.related(), a.upstream(), a.summary(), null,
                        a.published(), a.modified(), a.withdrawn(), a.severities(), List.of(), a.references(),
                        a.databaseSpecific(), a.source());
                assertEquals(expected, db.advisoryForMatching(a.id()).orElseThrow(), a.id());
            }
            assertTrue(db.advisoryForMatching("GHSA-0000-0000-0000").isEmpty());
        }
    }

    @Test
    void packageLookupFindsExactlyTheAdvisoriesNamingThePackage(@TempDir Path dir) {
        String jq = Tools.run(120, "bash", "-c", "find '" + Fixtures.sharedData().resolve("osv")
                + "' -name '*.json' -print0 | xargs -0 jq -r 'select(.withdrawn == null) | select(any(.affected[]?;"
                + " .package.ecosystem == \"Maven\" and .package.name == \"org.apache.logging.log4j:log4j-core\"))"
                + " | .id'");
        Set<String> expected = new TreeSet<>(List.of(jq.strip().split("\n")));
        assertTrue(expected.contains("GHSA-jfh8-c2jp-5v3q"), "Log4Shell is in the shared data");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(build(dir))) {
            List<AffectedEntry> hits = db.affected(new PackageKey("Maven", "org.apache.logging.log4j:log4j-core"));
            assertEquals(expected, new TreeSet<>(hits.stream().map(AffectedEntry::advisoryId).toList()));
            assertTrue(db.affected(new PackageKey("Maven", "org.apache.logging.log4j:no-such")).isEmpty());
            assertTrue(db.aliasesOf("GHSA-jfh8-c2jp-5v3q").contains("CVE-2021-44228"));
            // PEP 503: the index key of an advisory for "Django" is found from any spelling
            assertEquals(db.affected(new PackageKey("PyPI", "django")),
                    db.affected(new PackageKey("PyPI", "Django")));
        }
    }

    @Test
    void withdrawnAdvisoriesAreKeptButNotIndexed(@TempDir Path dir) {
        Advisory withdrawn = IMPORTED.advisories.stream().filter(Advisory::isWithdrawn)
                .filter(a -> !a.affected().isEmpty()).findFirst().orElseThrow();
        try (AdvisoryDatabase db = AdvisoryDatabase.open(build(dir))) {
            assertTrue(db.advisory(withdrawn.id()).orElseThrow().isWithdrawn());
            assertTrue(db.affected(withdrawn.affected().get(0).key()).stream()
                    .noneMatch(e -> e.advisoryId().equals(withdrawn.id())));
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousDatabase(@TempDir Path dir) throws IOException {
        Path db = build(dir);
        byte[] before = Files.readAllBytes(db);
        AdvisoryDatabaseBuilder second = new AdvisoryDatabaseBuilder();
        IMPORTED.advisories.stream().limit(10).forEach(second::advisory);
        BulwarkException e = assertThrows(BulwarkException.class, () -> second.writeAtomically(db,
                ch -> new FailingChannel(ch, 4096)));
        assertEquals(ErrorKind.LOCAL_IO, e.kind());
        assertTrue(e.getMessage().contains("previous database is unchanged"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(db), files.toList(), "no temporary file is left behind");
        }
        AdvisoryDatabase.open(db).verify();
    }

    @Test
    void damagedFilesFailWithOneClearLine(@TempDir Path dir) throws IOException {
        Path db = build(dir);
        Path bad = dir.resolve("bad.db");
        Files.write(bad, "not a database at all, just text".getBytes());
        BulwarkException e = assertThrows(BulwarkException.class, () -> AdvisoryDatabase.open(bad));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        byte[] bytes = Files.readAllBytes(db);
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(BulwarkException.class,
                () -> AdvisoryDatabase.open(bad)).kind());
        bytes[bytes.length - 100] ^= 0x55;
        Files.write(bad, bytes);
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(BulwarkException.class,
                () -> AdvisoryDatabase.open(bad).verify()).kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(BulwarkException.class,
                () -> AdvisoryDatabase.open(dir.resolve("missing.db"))).kind());
    }

    /** Passes writes through until {@code limit} bytes, then fails as a full disk would. */
    private static final class FailingChannel implements WritableByteChannel {
        private final WritableByteChannel out;
        private long left;

        FailingChannel(WritableByteChannel out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (left <= 0) {
                throw new IOException("No space left on device");
            }
            int n = (int) Math.min(left, src.remaining());
            ByteBuffer part = src.slice(src.position(), n);
            int written = out.write(part);
            src.position(src.position() + written);
            left -= written;
            return written;
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
