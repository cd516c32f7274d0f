package dev.bulwark.engine.ecosystem.rpm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A database file readable at any offset, held in heap when small and in a temp file when large, so that a
 * tens-of-megabytes rpm database does not have to fit in the engine's small heap. Reads outside the file fail with
 * {@link MalformedDatabaseException}, which is how every reader learns that a hostile offset points nowhere.
 */
sealed interface RandomAccessBytes extends Closeable permits RandomAccessBytes.InHeap, RandomAccessBytes.InTempFile {

    long size();

    /** Fills {@code dst[off, off+len)} from {@code position}, or fails if that range is not all inside the file. */
    void read(long position, byte[] dst, int off, int len) throws IOException;

    default byte[] read(long position, int len) throws IOException {
        byte[] out = new byte[len];
        read(position, out, 0, len);
        return out;
    }

    default void checkRange(long position, long len) {
        if (position < 0 || len < 0 || position > size() - len) {
            throw new MalformedDatabaseException("truncated: needs bytes " + position + ".." + (position + len)
                    + " of a " + size() + "-byte file");
        }
    }

    /** The whole file in a heap array. */
    record InHeap(byte[] data) implements RandomAccessBytes {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public void read(long position, byte[] dst, int off, int len) {
            checkRange(position, len);
            System.arraycopy(data, (int) position, dst, off, len);
        }

        @Override
        public void close() {
        }
    }

    /** A spooled temp file, deleted on close. */
    final class InTempFile implements RandomAccessBytes {
        private final Path path;
        private final FileChannel channel;
        private final long size;

        InTempFile(Path path) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path);
            this.size = channel.size();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void read(long position, byte[] dst, int off, int len) throws IOException {
            checkRange(position, len);
            ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
            long at = position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, at);
                if (n < 0) {
                    throw new MalformedDatabaseException("truncated at byte " + at);
                }
                at += n;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }
}
