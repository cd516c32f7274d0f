package dev.bulwark.engine.ecosystem.golang;

import java.io.Closeable;
import java.io.IOException;

/**
 * A binary readable by file offset: either all of it, spooled, or only the ranges captured while it streamed by.
 * Reads of bytes that are outside the file, or were not captured, fail with {@link MalformedBinaryException}.
 */
sealed interface BinaryBytes extends Closeable permits SpooledBinary, CapturedRanges {

    long size();

    void read(long position, byte[] dst, int off, int len) throws IOException;

    default byte[] read(long position, int len) throws IOException {
        byte[] out = new byte[len];
        read(position, out, 0, len);
        return out;
    }

    default void checkRange(long position, long len) {
        if (position < 0 || len < 0 || position > size() - len) {
            throw new MalformedBinaryException("needs bytes " + position + ".." + (position + len) + " of a "
                    + size() + "-byte file");
        }
    }
}
