package dev.bulwark.engine.ecosystem.golang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated, fake and corrupted ELF files: each is a counted warning or nothing, never an exception or a hang. */
class GoBinaryHostileInputTest {

    private record Result(List<Package> packages, List<Warning> warnings) {
    }

    private static Result parse(byte[] content, long declaredSize) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = new GoBinaryCataloger().parse(new CatalogFile("bin/x", declaredSize,
                new ByteArrayInputStream(content)), (c, m) -> warnings.add(new Warning(c, m)));
        return new Result(packages, warnings);
    }

    private static byte[] app() throws IOException {
        return Files.readAllBytes(GoFixtures.dir().resolve("app"));
    }

    @Test
    void truncatedBinaries() throws IOException {
        byte[] app = app();
        for (int length : new int[] {3, 20, 63, 200, 1000, 70_000, app.length / 2}) {
            Result r = parse(Arrays.copyOf(app, length), length);
            assertEquals(List.of(), r.packages(), "length " + length);
            if (length >= 4) {
                assertEquals(1, r.warnings().size(), "length " + length + ": " + r.warnings());
                assertEquals("go-binary.malformed", r.warnings().get(0).code());
            }
        }
    }

    @Test
    void cutAfterTheBuildInformationStillFindsIt() throws IOException {
        // Go's internal linker writes the section table right after the program headers; the cut only loses symbols
        byte[] app = app();
        Result r = parse(Arrays.copyOf(app, app.length - 1), app.length - 1);
        assertEquals(List.of(), r.warnings());
        assertEquals(GoFixtures.catalog(GoFixtures.dir().resolve("app"), "bin/x").packages(), r.packages());
    }

    @Test
    void streamShorterThanDeclared() throws IOException {
        byte[] app = app();
        Result r = parse(Arrays.copyOf(app, app.length / 3), app.length);
        assertEquals(List.of(), r.packages());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void fakeElfAndNonElf() throws IOException {
        byte[] fake = new byte[4096];
        new Random(1).nextBytes(fake);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1}, 0, fake, 0, 6);
        Result r = parse(fake, fake.length);
        assertEquals(List.of(), r.packages());
        assertEquals(1, r.warnings().size());
        Result script = parse("#!/bin/sh\necho hi\n".getBytes(), 18);
        assertEquals(new Result(List.of(), List.of()), script);
    }

    @Test
    void absurdHeaderFields() throws IOException {
        byte[] app = app();
        for (int[] patch : new int[][] {{56, 2, 0xffff}, {54, 2, 1}, {32, 8, Integer.MAX_VALUE}, {60, 2, 0xffff}}) {
            byte[] b = app.clone();
            put(b, patch[0], patch[1], patch[2]);
            Result r = parse(b, b.length);
            assertTrue(r.warnings().size() <= 1, r.warnings().toString());
            if (patch[0] == 60) {
                // a broken section table falls back to the data segment: still found, with a warning
                assertEquals("go-binary.malformed-sections", r.warnings().get(0).code());
                assertTrue(r.packages().size() > 3);
            } else {
                assertEquals(List.of(), r.packages());
                assertEquals(1, r.warnings().size());
            }
        }
    }

    @Test
    void hugeStringLengthInBlob() throws IOException {
        byte[] app = app();
        int at = indexOf(app, BuildInfoLocator.MAGIC);
        byte[] b = app.clone();
        // the version's uvarint length, as 5 bytes of 0xff then 0x0f: about 2^39
        byte[] overlong = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        System.arraycopy(overlong, 0, b, at + 32, overlong.length);
        Result r = parse(b, b.length);
        assertEquals(List.of(), r.packages());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void randomCorruptionNeverThrowsOrHangs() throws IOException {
        byte[] app = app();
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 300; i++) {
                byte[] b = Arrays.copyOf(app, 1 + random.nextInt(app.length));
                for (int k = 0; k < 8; k++) {
                    int at = random.nextInt(Math.min(b.length, 4096));
                    b[at] = (byte) random.nextInt(256);
                }
                parse(b, b.length);
            }
        });
    }

    private static void put(byte[] b, int off, int width, long value) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        switch (width) {
            case 2 -> buf.putShort(off, (short) value);
            case 4 -> buf.putInt(off, (int) value);
            default -> buf.putLong(off, value);
        }
    }

    private static int indexOf(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("magic not found");
    }
}
