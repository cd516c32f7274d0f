package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Package;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each database format read by the cataloger lists what real rpm lists for the same file. */
class RpmCatalogerTest {
    private static Path fixture;
    private static Map<String, String[]> sources;

    @BeforeAll
    static void buildFixtures() throws Exception {
        fixture = RpmFixtures.built();
        sources = RpmFixtures.sources(fixture);
    }

    @Test
    void fixtureHasWhatTheTestsRelyOn() throws Exception {
        String qa = Files.readString(fixture.resolve("expected-sqlite.tsv"));
        List<String> lines = qa.lines().toList();
        assertEquals(5, lines.size(), qa);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("gpg-pubkey\t")), qa);
        assertTrue(lines.stream().anyMatch(l -> l.split("\t")[1].contains(":")), "an epoch: " + qa);
        assertTrue(lines.stream().anyMatch(l -> l.split("\t")[2].equals("noarch")), "a noarch: " + qa);
        assertTrue(sources.values().stream().anyMatch(s -> s[0].equals("bulwark-suite")), sources.keySet()::toString);
    }

    @Test
    void sqliteMatchesRpm() throws Exception {
        check("var/lib/rpm/rpmdb.sqlite", fixture.resolve("sqlite/rpmdb.sqlite"), "expected-sqlite.tsv");
    }

    @Test
    void sqliteUnderSysimageMatchesRpm() throws Exception {
        check("usr/lib/sysimage/rpm/rpmdb.sqlite", fixture.resolve("sqlite/rpmdb.sqlite"), "expected-sqlite.tsv");
    }

    @Test
    void berkeleyDbLittleEndianMatchesRpm() throws Exception {
        check("var/lib/rpm/Packages", fixture.resolve("bdb-le/Packages"), "expected-bdb-le.tsv");
    }

    @Test
    void berkeleyDbBigEndianMatchesRpm() throws Exception {
        check("var/lib/rpm/Packages", fixture.resolve("bdb-be/Packages"), "expected-bdb-be.tsv");
    }

    @Test
    void ndbMatchesRpmOnTheSameHeaders() throws Exception {
        List<byte[]> blobs = ExportedHeaders.split(Files.readAllBytes(fixture.resolve("headers.bin")));
        Path ndb = Files.createTempFile("bulwark-ndb-", ".db");
        try {
            Files.write(ndb, NdbTestWriter.write(blobs));
            check("usr/lib/sysimage/rpm/Packages.db", ndb, "expected-sqlite.tsv");
        } finally {
            Files.delete(ndb);
        }
    }

    @Test
    void wantsOnlyTheRpmDatabases() {
        RpmCataloger c = new RpmCataloger();
        for (String dir : List.of("var/lib/rpm/", "usr/lib/sysimage/rpm/")) {
            for (String file : List.of("rpmdb.sqlite", "Packages", "Packages.db")) {
                assertTrue(c.wants(dir + file), dir + file);
            }
            assertFalse(c.wants(dir + "Name"));
            assertFalse(c.wants(dir + "rpmdb.sqlite-wal"));
        }
        assertFalse(c.wants("var/lib/rpm/sub/Packages"));
        assertFalse(c.wants("/var/lib/rpm/Packages"));
        assertEquals("rpm", c.name());
    }

    private static void check(String location, Path db, String expectedFile) throws Exception {
        List<Package> expected = RpmFixtures.expected(Files.readString(fixture.resolve(expectedFile)), sources,
                location);
        Catalogued got = Catalogued.of(db, location);
        assertEquals(List.of(), got.warnings());
        assertEquals(4, expected.size());
        assertTrue(expected.stream().allMatch(p -> p.sourceName() != null), "every SOURCERPM has its .src.rpm");
        assertEquals(Catalogued.sorted(expected), Catalogued.sorted(got.packages()));
    }
}
