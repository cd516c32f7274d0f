package dev.bulwark.engine.ecosystem.rpm;

import static dev.bulwark.engine.ecosystem.rpm.Hostile.survive;
import static dev.bulwark.engine.ecosystem.rpm.Hostile.warns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Damaged NDB files holding the fixture's real header blobs (slot 2 is the first slot, at byte 32). */
class NdbHostileInputTest {
    private static final String LOCATION = "var/lib/rpm/Packages.db";
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static List<byte[]> blobs;
    private static byte[] original;
    private static int total;

    @BeforeAll
    static void load() throws Exception {
        blobs = ExportedHeaders.split(Files.readAllBytes(RpmFixtures.built().resolve("headers.bin")));
        original = NdbTestWriter.write(blobs);
        total = Catalogued.of(original, LOCATION).packages().size();
        assertEquals(4, total);
    }

    @Test
    void truncatedFileKeepsWhatItCanRead() {
        int secondBlob = Hostile.getInt(original, 48 + 8, LE) * 16;
        Catalogued got = warns(Arrays.copyOf(original, secondBlob + 40), LOCATION, "rpm.malformed-entry",
                "outside the data area");
        assertTrue(got.packages().size() < total);
    }

    @Test
    void absurdSlotPageCountMakesTheFileUnreadable() {
        byte[] b = original.clone();
        Hostile.putInt(b, 12, 0x7fffffff, LE);
        warns(b, LOCATION, "rpm.unreadable-database", "slot page count");
    }

    @Test
    void damagedBlobIsSkippedByItsChecksum() {
        byte[] b = original.clone();
        b[Hostile.getInt(original, 32 + 8, LE) * 16 + 100] ^= 0x55;
        Catalogued got = warns(b, LOCATION, "rpm.malformed-entry", "damaged blob");
        assertTrue(got.packages().size() >= total - 1);
    }

    @Test
    void absurdBlockCountIsSkipped() {
        byte[] b = original.clone();
        Hostile.putInt(b, 32 + 12, 0x7fffffff, LE);
        warns(b, LOCATION, "rpm.malformed-entry", "outside the data area");
    }

    @Test
    void damagedSlotMagicIsSkipped() {
        byte[] b = original.clone();
        Hostile.putInt(b, 48, 0x12345678, LE);
        warns(b, LOCATION, "rpm.malformed-entry", "no slot magic");
    }

    @Test
    void headerWithAbsurdIndexCountIsSkippedAndTheRestKept() throws Exception {
        List<byte[]> damaged = new ArrayList<>(blobs);
        byte[] first = damaged.get(0).clone();
        Hostile.putInt(first, 0, 0x7fffffff, ByteOrder.BIG_ENDIAN);
        damaged.set(0, first);
        Catalogued got = warns(NdbTestWriter.write(damaged), LOCATION, "rpm.malformed-header",
                "index count 2147483647");
        assertTrue(got.packages().size() >= total - 1);
    }

    @Test
    void warningsAreCappedForAThoroughlyBrokenFile() {
        byte[] b = new byte[4096 * 200];
        System.arraycopy(original, 0, b, 0, 32);
        Hostile.putInt(b, 12, 200, LE);
        Catalogued got = warns(b, LOCATION, "rpm.too-many-warnings", "more damaged entries");
        assertTrue(got.warnings().size() <= RpmCataloger.MAX_WARNINGS + 2, () -> got.warnings().size() + "");
    }

    @Test
    void packageCountIsBounded() throws Exception {
        byte[] tiny = ByteBuffer.allocate(8 + 32 + 4).putInt(2).putInt(4).putInt(1000).putInt(6).putInt(0).putInt(1)
                .putInt(1001).putInt(6).putInt(2).putInt(1).put(new byte[] {'p', 0, '1', 0}).array();
        List<byte[]> many = java.util.Collections.nCopies(RpmCataloger.MAX_PACKAGES + 5, tiny);
        Catalogued got = warns(NdbTestWriter.write(many), LOCATION, "rpm.too-many-packages", "more than");
        assertEquals(RpmCataloger.MAX_PACKAGES, got.packages().size());
    }

    @Test
    void randomDamageNeverCrashes() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] b = original.clone();
            for (int i = 0; i < 20; i++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt();
            }
            survive(b, LOCATION);
        }
    }
}
