package dev.bulwark.engine.catalog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers an I/O failure of the stream it wraps, so a reader can tell "the stream broke" (a truncated layer, a
 * dropped connection: rethrow) from "the content is malformed" (skip with a warning).
 */
public final class FailureWatchingStream extends FilterInputStream {
    private IOException failure;

    public FailureWatchingStream(InputStream in) {
        super(in);
    }

    /** The failure the wrapped stream raised, or null. */
    public IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
