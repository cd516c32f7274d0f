package dev.bulwark.engine.layer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One file's content read by several catalogers in turn, from a stream that can be read only once. Only what a
 * reader actually consumes is kept for the readers after it (in memory up to a bound, then in a temp file): most
 * catalogers stop after a few KB of a file that is not theirs (an ELF sniff, a magic number), so a 150 MB file that
 * two binary catalogers want costs two small reads instead of a 150 MB copy. Every reader sees the same bytes in the
 * same order, exactly as if the whole file had been copied first.
 */
final class SharedContent implements Closeable {
    private final InputStream source;
    private final Path spoolDirectory;
    private final int memoryLimit;
    private byte[] memory = new byte[8 << 10];
    private final byte[] one = new byte[1];
    private byte[] scratch;
    private int inMemory;
    private Path spool;
    private FileChannel spoolChannel;
    /** Bytes read from the source so far, all of them kept (in memory, then in the spool). */
    private long kept;

    SharedContent(InputStream source, Path spoolDirectory, int memoryLimit) {
        this.source = source;
        this.spoolDirectory = spoolDirectory;
        this.memoryLimit = memoryLimit;
    }

    /**
     * A stream of the whole content from its start. Readers are used one after the other, never at once; the last
     * one ({@code keep == false}) reads past what was kept straight from the source without keeping it.
     */
    InputStream reader(boolean keep) {
        return new Reader(keep);
    }

    @Override
    public void close() throws IOException {
        if (spoolChannel != null) {
            try {
                spoolChannel.close();
            } finally {
                Files.deleteIfExists(spool);
            }
        }
    }

    /** Copies kept bytes {@code [position, position + len)} into {@code dst}. */
    private void readKept(long position, byte[] dst, int off, int len) throws IOException {
        int fromMemory = (int) Math.max(0, Math.min(len, inMemory - position));
        if (fromMemory > 0) {
            System.arraycopy(memory, (int) position, dst, off, fromMemory);
        }
        if (fromMemory < len) {
            ByteBuffer buf = ByteBuffer.wrap(dst, off + fromMemory, len - fromMemory);
            long at = position + fromMemory - inMemory;
            while (buf.hasRemaining()) {
                int n = spoolChannel.read(buf, at);
                if (n < 0) {
                    throw new IOException("spool file of a shared layer file ended early");
                }
                at += n;
            }
        }
    }

    private void keep(byte[] b, int off, int len) throws IOException {
        int toMemory = (int) Math.max(0, Math.min(len, (long) memoryLimit - inMemory));
        if (toMemory > 0 && spoolChannel == null) {
            if (memory.length < inMemory + toMemory) {
                memory = Arrays.copyOf(memory, (int) Math.min(memoryLimit,
                        Math.max((long) inMemory + toMemory, 2L * memory.length)));
            }
            System.arraycopy(b, off, memory, inMemory, toMemory);
            inMemory += toMemory;
        } else {
            toMemory = 0;
        }
        if (toMemory < len) {
            if (spoolChannel == null) {
                Files.createDirectories(spoolDirectory);
                spool = Files.createTempFile(spoolDirectory, "shared-", ".part");
                spoolChannel = FileChannel.open(spool, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            ByteBuffer buf = ByteBuffer.wrap(b, off + toMemory, len - toMemory);
            long at = kept + toMemory - inMemory;
            while (buf.hasRemaining()) {
                at += spoolChannel.write(buf, at);
            }
        }
        kept += len;
    }

    private final class Reader extends InputStream {
        private final boolean keep;
        private long position;

        Reader(boolean keep) {
            this.keep = keep;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position < kept) {
                int n = (int) Math.min(len, kept - position);
                readKept(position, b, off, n);
                position += n;
                return n;
            }
            int n = source.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            if (keep) {
                keep(b, off, n);
            }
            position += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            if (position < kept) {
                long k = Math.min(n, kept - position);
                position += k;
                return k;
            }
            if (!keep) {
                long k = source.skip(n);
                position += k;
                return k;
            }
            if (scratch == null) {
                scratch = new byte[64 << 10];
            }
            int r = read(scratch, 0, (int) Math.min(n, scratch.length));
            return Math.max(r, 0);
        }

        @Override
        public int available() throws IOException {
            return position < kept ? (int) Math.min(Integer.MAX_VALUE, kept - position) : source.available();
        }

        @Override
        public void close() {
            // the source belongs to the layer reader
        }
    }
}
