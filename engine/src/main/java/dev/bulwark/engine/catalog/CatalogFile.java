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
        byte[] data = BoundedRead.of(content, limit + 1, size, null).exact();
        if (data.length > limit) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, path + " is over the limit of " + limit + " bytes");
        }
        return data;
    }
}
