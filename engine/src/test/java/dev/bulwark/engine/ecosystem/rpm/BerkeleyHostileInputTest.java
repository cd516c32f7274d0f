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
 * Damaged copies of a real CentOS 5 Berkeley DB {@code Packages} (little-endian, headers spanning several overflow
 * pages) and of the big-endian fixture. Pages are found by the documented page header fields (type at byte 25, next
 * page at 16, entry count at 20), read here directly.
 */
class BerkeleyHostileInputTest {
    private static final String LOCATION = "var/lib/rpm/Packages";
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static byte[] original;
    private static int total;
    private static int pageSize;

    @BeforeAll
    static void load() throws Exception {
        Path centos5 = RpmRealDatabaseTest.realDatabases().stream()
                .filter(p -> p.getFileName().toString().equals("centos5-plain")).findFirst().orElseThrow();
        original = Files.readAllBytes(centos5.resolve("Packages"));
        pageSize = Hostile.getInt(original, 20, LE);
        total = Catalogued.of(original, LOCATION).packages().size();
        assertTrue(total > 100);
    }

    /** The first page of {@code type} whose next-page field is non-zero, when {@code chained}. */
    private static int findPage(int type, boolean chained) {
        for (int p = 1; p < original.length / pageSize; p++) {
            int at = p * pageSize;
            if (original[at + 25] == type && (!chained || Hostile.getInt(original, at + 16, LE) != 0)) {
                return p;
            }
        }
        throw new AssertionError("no page of type " + type);
    }

    @Test
    void truncatedFileKeepsWhatItCanRead() {
        Catalogued got = warns(Arrays.copyOf(original, original.length / 2), LOCATION, "rpm.malformed-entry",
                "outside the");
        assertTrue(got.packages().size() > 0 && got.packages().size() < total);
    }

    @Test
    void truncatedBigEndianFileWarns() throws Exception {
        byte[] be = Files.readAllBytes(RpmFixtures.built().resolve("bdb-be/Packages"));
        survive(Arrays.copyOf(be, be.length - 4096), LOCATION);
        warns(Arrays.copyOf(be, 4096 * 2), LOCATION, "rpm.malformed-entry", "outside the");
    }

    @Test
    void badPageSizeMakesTheFileUnreadable() {
        byte[] b = original.clone();
        Hostile.putInt(b, 20, 1000, LE);
        warns(b, LOCATION, "rpm.unreadable-database", "page size 1000");
    }

    @Test
    void absurdLastPageIsBoundedByTheFileSize() {
        byte[] b = original.clone();
        Hostile.putInt(b, 32, 0xffffffff, LE);
        Catalogued got = survive(b, LOCATION);
        assertEquals(List.of(), got.warnings());
        assertEquals(total, got.packages().size());
    }

    @Test
    void overflowChainLoopSkipsOnlyThatPackage() {
        byte[] b = original.clone();
        int p = findPage(7, true);
        Hostile.putInt(b, p * pageSize + 16, p, LE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "loops back to page " + p);
        assertEquals(total - 1, got.packages().size());
    }

    @Test
    void overflowPageOutOfRangeSkipsOnlyThatPackage() {
        byte[] b = original.clone();
        int p = findPage(7, true);
        Hostile.putInt(b, p * pageSize + 16, 0x7fffffff, LE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "outside the");
        assertEquals(total - 1, got.packages().size());
    }

    @Test
    void absurdEntryCountOnAHashPageIsSkipped() {
        byte[] b = original.clone();
        int p = findPage(2, false); // CentOS 5's db4 wrote unsorted hash pages (type 2)
        Hostile.putShort(b, p * pageSize + 20, 0xfffe, LE);
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "invalid entry count 65534");
        assertTrue(got.packages().size() < total);
    }

    @Test
    void randomDamageNeverCrashes() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            byte[] b = original.clone();
            for (int i = 0; i < 200; i++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt();
            }
            survive(b, LOCATION);
        }
    }
}
