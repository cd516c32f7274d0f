package dev.bulwark.engine.catalog.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole binary made readable at any offset: in heap up to {@link #HEAP_LIMIT}, in a temp file (deleted on close)
 * beyond, so a 100 MB Go binary never has to fit in the engine's small heap.
 */
public final class SpooledBinary implements BinaryBytes {
    /** Several layers are read in parallel in a 256 MB heap. */
    public static final int HEAP_LIMIT = 4 << 20;

    private final byte[] heap;
    private final Path file;
    private final FileChannel channel;
    private final long size;

    private SpooledBinary(byte[] heap, Path file, FileChannel channel, long size) {
        this.heap = heap;
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Spools {@code prefix} (the bytes already read) followed by the rest of {@code in}, refusing more than
     * {@code sizeLimit} bytes in total.
     */
    public static SpooledBinary spool(byte[] prefix, InputStream in, long sizeLimit) throws IOException {
        byte[] more = in.readNBytes(Math.max(0, HEAP_LIMIT - prefix.length) + 1);
        if (prefix.length + more.length <= HEAP_LIMIT) {
            byte[] all = new byte[prefix.length + more.length];
            System.arraycopy(prefix, 0, all, 0, prefix.length);
            System.arraycopy(more, 0, all, prefix.length, more.length);
            return new SpooledBinary(all, null, null, all.length);
        }
        Path tmp = Files.createTempFile("bulwark-binary-", ".spool");
        boolean done = false;
        try {
            long total = (long) prefix.length + more.length;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(prefix);
                out.write(more);
                byte[] buf = new byte[64 << 10];
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > sizeLimit) {
                        throw new MalformedBinaryException("over the limit of " + sizeLimit + " bytes for a binary");
                    }
                    out.write(buf, 0, n);
                }
            }
            SpooledBinary spooled = new SpooledBinary(null, tmp, FileChannel.open(tmp), total);
            done = true;
            return spooled;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        checkRange(position, len);
        if (heap != null) {
            System.arraycopy(heap, (int) position, dst, off, len);
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        long at = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                throw new MalformedBinaryException("truncated at byte " + at);
            }
            at += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
