package dev.bulwark.engine.ecosystem.rpm;

import static dev.bulwark.engine.ecosystem.rpm.Hostile.survive;
import static dev.bulwark.engine.ecosystem.rpm.Hostile.warns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged copies of a real rpm SQLite database. Where a case needs a particular page, sqlite3 itself says which
 * page is what (sqlite_master and the dbstat table), not the code under test.
 */
class SqliteHostileInputTest {
    private static final String LOCATION = "var/lib/rpm/rpmdb.sqlite";
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static byte[] original;
    private static int total;
    private static int pageSize;
    private static int root;
    /** The first two overflow pages of one row. */
    private static int[] overflow;

    @BeforeAll
    static void load() throws Exception {
        Path sqlite = RpmRealDatabaseTest.convertedToSqlite().resolve("rpmdb.sqlite");
        original = Files.readAllBytes(sqlite);
        total = Catalogued.of(original, LOCATION).packages().size();
        Path copy = Files.createTempDirectory("bulwark-sqlite-").resolve("copy.sqlite");
        try {
            Files.write(copy, original);
            pageSize = Integer.parseInt(query(copy, "pragma page_size"));
            root = Integer.parseInt(query(copy, "select rootpage from sqlite_master where name='Packages'"));
            String type = query(copy, "select pagetype from dbstat where name='Packages' and path='/'");
            assertEquals("internal", type, "the Packages b-tree has interior pages");
            overflow = Arrays.stream(query(copy, "select pageno from dbstat where name='Packages' and path in "
                    + "(select substr(path, 1, length(path) - 6) || '000000' from dbstat where name='Packages' "
                    + "and path like '%+000001' limit 1) or (name='Packages' and path in (select path from dbstat "
                    + "where name='Packages' and path like '%+000001' limit 1)) order by path").split("\n"))
                    .mapToInt(Integer::parseInt).toArray();
            assertEquals(2, overflow.length);
        } finally {
            FixtureCache.deleteTree(copy.getParent());
        }
    }

    private static String query(Path db, String sql) throws Exception {
        return ExternalTool.runText(db.getParent(), "sqlite3", "-readonly", db.toString(), sql).strip();
    }

    private static int page(int pageNo) {
        return (pageNo - 1) * pageSize;
    }

    @Test
    void truncatedFileKeepsWhatItCanRead() {
        byte[] cut = Arrays.copyOf(original, original.length / 3);
        Catalogued got = warns(cut, LOCATION, "rpm.malformed-entry", "outside the");
        assertTrue(got.packages().size() < total, "lost some");
    }

    @Test
    void truncatedHeaderIsUnknown() {
        warns(Arrays.copyOf(original, 60), LOCATION, "rpm.unknown-format", "not an rpm database");
    }

    @Test
    void badPageSizeMakesTheFileUnreadable() {
        byte[] b = original.clone();
        Hostile.putShort(b, 16, 768, BE);
        warns(b, LOCATION, "rpm.unreadable-database", "page size 768");
    }

    @Test
    void childPageOutOfRangeIsSkipped() {
        byte[] b = original.clone();
        Hostile.putInt(b, page(root) + 8, 0x7ffffff0, BE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "outside the");
        assertTrue(got.packages().size() > 0 && got.packages().size() < total);
    }

    @Test
    void treeLoopIsCut() {
        byte[] b = original.clone();
        Hostile.putInt(b, page(root) + 8, root, BE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "(a loop)");
        assertTrue(got.packages().size() > 0 && got.packages().size() < total);
    }

    @Test
    void overflowChainLoopSkipsOnlyThatRow() {
        byte[] b = original.clone();
        Hostile.putInt(b, page(overflow[1]), overflow[0], BE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "(a loop)");
        assertEquals(total - 1, got.packages().size());
    }

    @Test
    void overflowPageOutOfRangeSkipsOnlyThatRow() {
        byte[] b = original.clone();
        Hostile.putInt(b, page(overflow[0]), 0xffffff00, BE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "outside the");
        assertEquals(total - 1, got.packages().size());
    }

    @Test
    void absurdCellCountIsSkipped() {
        byte[] b = original.clone();
        Hostile.putShort(b, page(root) + 3, 0xffff, BE);
        warns(b, LOCATION, "rpm.malformed-entry", "claims 65535 cells");
    }

    @Test
    void missingPackagesTableMakesTheFileUnreadable() {
        byte[] b = original.clone();
        // The schema row's type, name and tbl_name values sit side by side; renaming the table leaves a valid file.
        // Stale copies of the row may linger in free space, so every copy is renamed.
        int renamed = 0;
        String row = "tablePackagesPackages";
        for (int at = indexOf(b, row, 0); at >= 0; at = indexOf(b, row, at + 1)) {
            b[at + 5 + 4] = 'X';
            renamed++;
        }
        assertTrue(renamed > 0, "schema row found");
        warns(b, LOCATION, "rpm.unreadable-database", "no table Packages");
    }

    @Test
    void garbageAfterTheHeaderEndsWithWarnings() {
        byte[] b = original.clone();
        byte[] noise = new byte[b.length - 100];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, b, 100, noise.length);
        Catalogued got = survive(b, LOCATION);
        assertTrue(!got.warnings().isEmpty());
        assertEquals(List.of(), got.packages());
    }

    @Test
    void randomDamageNeverCrashes() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            byte[] b = original.clone();
            for (int i = 0; i < 50; i++) {
                b[random.nextInt(b.length / 8)] = (byte) random.nextInt();
            }
            survive(b, LOCATION);
        }
    }

    private static int indexOf(byte[] b, String text, int from) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = from; i < b.length - t.length; i++) {
            if (Arrays.equals(b, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        return -1;
    }
}
