package dev.bulwark.engine.ecosystem.java;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.zip.ZipException;

/**
 * A window of an archive in heap, readable at any offset: a whole small archive, an inflated nested archive, or a
 * stored nested archive as a range of its enclosing one (read in place, never copied). Reads outside the window fail
 * with a {@link ZipException}, so a lying offset is a malformed archive, not a crash.
 */
final class ArchiveSlice {
    private final byte[] heap;
    private final int offset;
    private final int length;

    private ArchiveSlice(byte[] heap, int offset, int length) {
        this.heap = heap;
        this.offset = offset;
        this.length = length;
    }

    static ArchiveSlice of(byte[] bytes) {
        return new ArchiveSlice(bytes, 0, bytes.length);
    }

    /** The first {@code length} bytes of {@code bytes}. */
    static ArchiveSlice of(byte[] bytes, int length) {
        return new ArchiveSlice(bytes, 0, length);
    }

    long size() {
        return length;
    }

    /**
     * The array this window lies in, for readers that check their own bounds against {@link #size()} and read in
     * place: the window's byte {@code p} is {@code heap()[heapOffset() + p]}. Never written to.
     */
    byte[] heap() {
        return heap;
    }

    int heapOffset() {
        return offset;
    }

    /** The bytes {@code [position, position + len)} of this window. */
    ArchiveSlice slice(long position, long len) throws ZipException {
        check(position, len);
        return new ArchiveSlice(heap, offset + (int) position, (int) len);
    }

    void read(long position, byte[] dst, int off, int len) throws IOException {
        check(position, len);
        System.arraycopy(heap, offset + (int) position, dst, off, len);
    }

    byte[] read(long position, int len) throws IOException {
        byte[] out = new byte[len];
        read(position, out, 0, len);
        return out;
    }

    /** Feeds the whole window to {@code digest}. */
    void hash(MessageDigest digest) {
        digest.update(heap, offset, length);
    }

    /** The window as a stream, front to back. */
    InputStream stream() {
        return new InputStream() {
            private long at;

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
                if (at >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - at);
                System.arraycopy(heap, offset + (int) at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private void check(long position, long len) throws ZipException {
        if (position < 0 || len < 0 || position > length - len) {
            throw new ZipException("needs bytes " + position + ".." + (position + len) + " of a " + length
                    + "-byte archive");
        }
    }
}
