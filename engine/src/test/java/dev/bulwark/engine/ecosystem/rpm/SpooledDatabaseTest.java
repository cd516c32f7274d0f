package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small databases stay in heap; large ones go to a temp file that is gone after close; huge ones are refused. */
class SpooledDatabaseTest {

    @Test
    void smallStaysInHeap() throws Exception {
        try (RandomAccessBytes db = SpooledDatabase.spool("x", new ByteArrayInputStream(new byte[1000]))) {
            assertInstanceOf(RandomAccessBytes.InHeap.class, db);
            assertEquals(1000, db.size());
        }
    }

    @Test
    void largeGoesToATempFileDeletedOnClose() throws Exception {
        byte[] content = new byte[SpooledDatabase.HEAP_LIMIT + 12345];
        new Random(1).nextBytes(content);
        Path file;
        try (RandomAccessBytes db = SpooledDatabase.spool("x", new ByteArrayInputStream(content))) {
            RandomAccessBytes.InTempFile spooled = assertInstanceOf(RandomAccessBytes.InTempFile.class, db);
            Field path = RandomAccessBytes.InTempFile.class.getDeclaredField("path");
            path.setAccessible(true);
            file = (Path) path.get(spooled);
            assertTrue(Files.exists(file));
            assertEquals(content.length, db.size());
            assertArrayEquals(java.util.Arrays.copyOfRange(content, content.length - 100, content.length),
                    db.read(content.length - 100, 100));
            MalformedDatabaseException e = assertThrows(MalformedDatabaseException.class,
                    () -> db.read(content.length - 10, 11));
            assertTrue(e.getMessage().contains("truncated"));
        }
        assertTrue(Files.notExists(file), "temp file deleted");
    }

    @Test
    void overTheSizeLimitIsInvalidInput() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> SpooledDatabase.spool("var/lib/rpm/Packages", endless, 8L << 20));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("var/lib/rpm/Packages is over the limit"), e.getMessage());
    }

    @Test
    void unknownAndEmptyFiles() throws Exception {
        byte[] garbage = new byte[100_000];
        new Random(3).nextBytes(garbage);
        Catalogued got = Catalogued.of(garbage, "var/lib/rpm/Packages");
        assertEquals(List.of(), got.packages());
        assertEquals("rpm.unknown-format", got.warnings().get(0).code());
        assertEquals(new Catalogued(List.of(), List.of()), Catalogued.of(new byte[0], "var/lib/rpm/Packages"));
    }
}
