package dev.bulwark.engine.source.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a chunked body (RFC 9112 section 7.1); chunk extensions and trailers are read and dropped. */
final class ChunkedBodyStream extends InputStream {
    private static final int MAX_SIZE_LINE = 4096;
    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedBodyStream(InputStream in) {
        this.in = in;
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
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk (" + left + " bytes missing)");
        }
        left -= n;
        if (left == 0) {
            endOfChunk();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean nextChunk() throws IOException {
        if (done) {
            return false;
        }
        int[] budget = {MAX_SIZE_LINE};
        String line;
        try {
            line = ResponseHead.line(in, budget, "chunk size");
        } catch (HttpProtocolException e) {
            throw new HttpProtocolException("chunk size line is too long or malformed");
        }
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HttpProtocolException("malformed chunk size \"" + ResponseHead.printable(line) + "\"");
        }
        left = Long.parseLong(hex, 16);
        if (left == 0) {
            done = true;
            ResponseHead.fields(in, new int[] {ResponseHead.MAX_HEAD_BYTES}); // trailers
            return false;
        }
        return true;
    }

    private void endOfChunk() throws IOException {
        int cr = in.read();
        int lf = cr == '\r' ? in.read() : cr;
        if (lf != '\n') {
            if (cr < 0 || lf < 0) {
                throw new EOFException("connection closed after a chunk");
            }
            throw new HttpProtocolException("chunk data is not followed by CRLF");
        }
    }
}
