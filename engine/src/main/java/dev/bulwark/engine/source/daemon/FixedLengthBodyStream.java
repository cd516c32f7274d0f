package dev.bulwark.engine.source.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A Content-Length body: ends after exactly that many bytes and calls an early end of stream truncation. */
final class FixedLengthBodyStream extends InputStream {
    private final InputStream in;
    private final long length;
    private long left;

    FixedLengthBodyStream(InputStream in, long length) {
        this.in = in;
        this.length = length;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (left == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("response body truncated: got " + (length - left) + " of " + length + " bytes");
        }
        left -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
