package dev.bulwark.engine.catalog;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;

/**
 * One file handed to a cataloger: its path in the image and a stream of its content, valid only during
 * {@link Cataloger#parse}. The stream ends at the file's end; reading it whole is bounded by {@link #readAll}.
 */
public record CatalogFile(String path, long size, InputStream content) {

    /** Reads the whole file, refusing files over {@code limit} bytes with an INVALID_INPUT error naming it. */
    public byte[] readAll(int limit) throws IOException {
        if (size > limit) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, path + " is " + size + " bytes, over the limit of "
                    + limit + " for this kind of file");
        }
        byte[] data;
        if (size >= 0 && size < limit) {
            // the declared size, read into one array of that size (readNBytes(limit) grows 16 KiB chunks and copies
            // them, for each of a node_modules tree's thousands of small files); the rest, if the file grew, as before
            byte[] exact = new byte[(int) size];
            int n = content.readNBytes(exact, 0, exact.length);
            if (n < exact.length) {
                return java.util.Arrays.copyOf(exact, n);
            }
            int next = content.read();
            if (next < 0) {
                return exact;
            }
            byte[] more = content.readNBytes(limit - n);
            data = java.util.Arrays.copyOf(exact, n + 1 + more.length);
            data[n] = (byte) next;
            System.arraycopy(more, 0, data, n + 1, more.length);
        } else {
            data = content.readNBytes(limit + 1);
        }
        if (data.length > limit) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, path + " is over the limit of " + limit + " bytes");
        }
        return data;
    }
}
