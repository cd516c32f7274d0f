package dev.bulwark.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link CatalogFile#readAll}: the declared size is a hint, the limit is not. */
class CatalogFileTest {
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        b[n - 1] = 'y';
        return b;
    }

    private static byte[] read(long declared, byte[] actual, int limit) throws IOException {
        return new CatalogFile("f", declared, new ByteArrayInputStream(actual)).readAll(limit);
    }

    @Test
    void readsWhatIsThereWhateverTheDeclaredSize() throws IOException {
        byte[] data = bytes(1000);
        assertArrayEquals(data, read(1000, data, 4096), "as declared");
        assertArrayEquals(data, read(2000, data, 4096), "shorter than declared");
        assertArrayEquals(data, read(10, data, 4096), "longer than declared");
        assertArrayEquals(data, read(-1, data, 4096), "size unknown");
        assertArrayEquals(data, read(999, data, 1000), "one byte more than declared, at the limit");
        assertArrayEquals(new byte[0], read(0, new byte[0], 10), "empty");
    }

    @Test
    void neverMoreThanTheLimit() {
        byte[] data = bytes(1000);
        BulwarkException declared = assertThrows(BulwarkException.class, () -> read(1000, data, 999));
        assertTrue(declared.getMessage().contains("over the limit of 999"), declared.getMessage());
        BulwarkException grown = assertThrows(BulwarkException.class, () -> read(10, data, 999));
        assertTrue(grown.getMessage().contains("over the limit of 999"), grown.getMessage());
        assertThrows(BulwarkException.class, () -> read(999, data, 999), "declared at the limit, longer in fact");
    }
}
