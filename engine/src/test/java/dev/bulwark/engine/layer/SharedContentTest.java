package dev.bulwark.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file several catalogers want is read by each in turn; only what the earlier ones read is kept. */
class SharedContentTest {
    @TempDir
    Path spool;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    /** Counts the bytes taken from the wrapped stream. */
    private static final class Counting extends FilterInputStream {
        long taken;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            taken += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            taken += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            taken += k;
            return k;
        }
    }

    @Test
    void everyReaderSeesTheWholeFileInMemoryAndSpooled() throws IOException {
        byte[] data = random(300_000);
        for (int limit : new int[] {0, 10, 100_000, 1 << 20}) {
            try (SharedContent shared = new SharedContent(new ByteArrayInputStream(data), spool, limit)) {
                assertArrayEquals(Arrays.copyOf(data, 1000), shared.reader(true).readNBytes(1000));
                InputStream second = shared.reader(true);
                assertEquals(data[0] & 0xff, second.read());
                byte[] rest = second.readAllBytes();
                assertArrayEquals(Arrays.copyOfRange(data, 1, data.length), rest);
                assertArrayEquals(data, shared.reader(false).readAllBytes());
            }
            try (var files = Files.list(spool)) {
                assertEquals(0, files.count(), "the spool file is deleted on close");
            }
        }
    }

    @Test
    void readersThatStopEarlyLeaveTheRestUnread() throws IOException {
        byte[] data = random(2_000_000);
        Counting source = new Counting(new ByteArrayInputStream(data));
        try (SharedContent shared = new SharedContent(source, spool, 4 << 20)) {
            assertArrayEquals(Arrays.copyOf(data, 64), shared.reader(true).readNBytes(64));
            assertArrayEquals(Arrays.copyOf(data, 100), shared.reader(false).readNBytes(100));
        }
        assertEquals(100, source.taken);
    }

    @Test
    void skipsKeepEveryLaterReaderInStep() throws IOException {
        byte[] data = random(500_000);
        try (SharedContent shared = new SharedContent(new ByteArrayInputStream(data), spool, 1000)) {
            InputStream first = shared.reader(true);
            first.skipNBytes(200_000);
            assertArrayEquals(Arrays.copyOfRange(data, 200_000, 200_010), first.readNBytes(10));
            InputStream second = shared.reader(true);
            second.skipNBytes(100_000);
            assertArrayEquals(Arrays.copyOfRange(data, 100_000, 400_000), second.readNBytes(300_000));
            InputStream last = shared.reader(false);
            last.skipNBytes(450_000);
            assertArrayEquals(Arrays.copyOfRange(data, 450_000, 500_000), last.readAllBytes());
        }
    }

    /** Reads as much of each file as {@code amount} says and records a digest of it. */
    private record Reading(String name, Function<Long, Integer> amount, List<String> seen) implements Cataloger {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(String path) {
            return path.startsWith("bin/");
        }

        @Override
        public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
            byte[] b = file.content().readNBytes(amount.apply(file.size()));
            seen.add(file.path() + " " + file.size() + " " + Arrays.hashCode(b) + " " + b.length);
            return List.of();
        }
    }

    @Test
    void catalogersWantingOneFileEachReadItFromItsStart() throws IOException {
        byte[] big = random(6 << 20);
        byte[] small = Arrays.copyOf(random(5000), 5000);
        byte[] tar = new TarBuilder().file("bin/big", big).file("bin/small", small).file("bin/empty", new byte[0])
                .build();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        new LayerReader(Set.of(), spool).read(new ByteArrayInputStream(tar), "t", List.of(
                new Reading("sniff", size -> 4, a), new Reading("all", size -> Integer.MAX_VALUE, b),
                new Reading("half", size -> (int) (size / 2), c)), false);
        assertEquals(List.of("bin/big " + big.length + " " + Arrays.hashCode(Arrays.copyOf(big, 4)) + " 4",
                "bin/small 5000 " + Arrays.hashCode(Arrays.copyOf(small, 4)) + " 4", "bin/empty 0 1 0"), a);
        assertEquals(List.of("bin/big " + big.length + " " + Arrays.hashCode(big) + " " + big.length,
                "bin/small 5000 " + Arrays.hashCode(small) + " 5000", "bin/empty 0 1 0"), b);
        assertEquals(List.of("bin/big " + big.length + " " + Arrays.hashCode(Arrays.copyOf(big, 3 << 20)) + " "
                + (3 << 20), "bin/small 5000 " + Arrays.hashCode(Arrays.copyOf(small, 2500)) + " 2500",
                "bin/empty 0 1 0"), c);
        try (var files = Files.list(spool)) {
            assertTrue(files.findAny().isEmpty());
        }
    }

    @Test
    void aTruncatedLayerFailsTheLayerNotTheFile() throws IOException {
        byte[] tar = new TarBuilder().file("bin/big", random(1 << 20)).build();
        byte[] cut = Arrays.copyOf(tar, 600_000);
        List<String> seen = new ArrayList<>();
        LayerReader reader = new LayerReader(Set.of(), spool);
        assertThrows(IOException.class, () -> reader.read(new ByteArrayInputStream(cut), "t", List.of(
                new Reading("sniff", size -> 4, seen), new Reading("all", size -> Integer.MAX_VALUE, seen)), false));
    }
}
