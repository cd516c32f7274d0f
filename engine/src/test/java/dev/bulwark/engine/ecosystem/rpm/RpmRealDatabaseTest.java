package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bulwark.engine.inventory.Package;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real CentOS 5 to 8 rpm databases (5 to 33 MB Berkeley DB files, shipped as test data by Debian's
 * golang-github-knqyf263-go-rpmdb-dev package) read by the cataloger give what real rpm lists for them; the largest
 * is also converted by rpm itself to SQLite ({@code rpmdb --importdb}) and written as NDB, so all three readers meet
 * real headers, multi-page b-trees, long overflow chains and more than one slot page.
 */
class RpmRealDatabaseTest {

    @Test
    void everyRealBerkeleyDbMatchesRpm() throws Exception {
        List<Path> dirs = realDatabases();
        assertTrue(dirs.size() >= 5, dirs::toString);
        for (Path dir : dirs) {
            String qa = RpmFixtures.rpm(dir, "bdb_ro", "-qa", "--qf", RpmFixtures.QUERY_FORMAT);
            Catalogued got = Catalogued.of(dir.resolve("Packages"), "var/lib/rpm/Packages");
            assertEquals(List.of(), got.warnings(), dir::toString);
            assertEquals(projectedRpm(qa), projected(got.packages()), dir::toString);
        }
    }

    @Test
    void largeDatabaseConvertedToSqliteByRpmMatchesRpm() throws Exception {
        Path sqlite = convertedToSqlite().resolve("rpmdb.sqlite");
        assertTrue(Files.size(sqlite) > SpooledDatabase.HEAP_LIMIT, "large enough to be spooled to disk");
        String qa = RpmFixtures.rpm(sqlite.getParent(), "sqlite", "-qa", "--qf", RpmFixtures.QUERY_FORMAT);
        Catalogued got = Catalogued.of(sqlite, "var/lib/rpm/rpmdb.sqlite");
        assertEquals(List.of(), got.warnings());
        assertTrue(got.packages().size() > 300);
        assertEquals(projectedRpm(qa), projected(got.packages()));
    }

    @Test
    void largeDatabaseWrittenAsNdbMatchesRpm() throws Exception {
        Path converted = convertedToSqlite();
        List<byte[]> blobs = ExportedHeaders.split(Files.readAllBytes(converted.resolve("headers.bin")));
        assertTrue(blobs.size() > 254, "more packages than fit the first slot page");
        String qa = RpmFixtures.rpm(converted, "sqlite", "-qa", "--qf", RpmFixtures.QUERY_FORMAT);
        Path ndb = Files.createTempFile("bulwark-ndb-", ".db");
        try {
            Files.write(ndb, NdbTestWriter.write(blobs));
            Catalogued got = Catalogued.of(ndb, "var/lib/rpm/Packages.db");
            assertEquals(List.of(), got.warnings());
            assertEquals(projectedRpm(qa), projected(got.packages()));
        } finally {
            Files.delete(ndb);
        }
    }

    /** centos7-many's headers imported by rpm into a fresh SQLite rpmdb, with rpm's export of them beside it. */
    static Path convertedToSqlite() throws Exception {
        Path bdb = Path.of(RpmFixtures.REAL_BDB_DIR, "centos7-many");
        requireRealDatabases();
        byte[] source = Files.readAllBytes(bdb.resolve("Packages"));
        return FixtureCache.get("rpmdb-centos7-sqlite", FixtureCache.hash("import-1".getBytes(), source), dir -> {
            Path headers = dir.resolve("headers.bin");
            Files.write(headers, ExternalTool.run(dir, null, java.util.Map.of(), "rpmdb", "--define",
                    "_db_backend bdb_ro", "--dbpath", bdb.toString(), "--exportdb"));
            ExternalTool.run(dir, headers, java.util.Map.of(), "rpmdb", "--define", "_db_backend sqlite",
                    "--dbpath", dir.toString(), "--importdb");
        });
    }

    static List<Path> realDatabases() throws Exception {
        requireRealDatabases();
        try (Stream<Path> dirs = Files.list(Path.of(RpmFixtures.REAL_BDB_DIR))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Packages"))).sorted().toList();
        }
    }

    private static void requireRealDatabases() {
        if (!Files.isDirectory(Path.of(RpmFixtures.REAL_BDB_DIR))) {
            fail("this test needs real CentOS rpm databases: apt-get install -y golang-github-knqyf263-go-rpmdb-dev");
        }
    }

    /** rpm's query lines, gpg-pubkey left out, as sorted text. */
    private static List<String> projectedRpm(String qa) {
        return qa.lines().filter(l -> !l.startsWith("gpg-pubkey\t")).map(l -> l.replace("(none)", "")).sorted()
                .toList();
    }

    /**
     * The cataloger's packages in rpm's query format. The SOURCERPM column is rebuilt from the source name and
     * version, checking that together they say exactly what the file name said, and that the source carries the
     * binary's epoch.
     */
    private static List<String> projected(List<Package> packages) {
        return packages.stream().map(p -> {
            String sourceVersion = p.sourceVersion();
            int colon = p.version().indexOf(':');
            if (colon > 0) {
                String epoch = p.version().substring(0, colon + 1);
                assertTrue(sourceVersion.startsWith(epoch), p::toString);
                sourceVersion = sourceVersion.substring(epoch.length());
            }
            return String.join("\t", p.name(), p.version(), p.architecture(), String.join("", p.licenses()),
                    p.sourceName() + "-" + sourceVersion + ".src.rpm");
        }).sorted().toList();
    }
}
