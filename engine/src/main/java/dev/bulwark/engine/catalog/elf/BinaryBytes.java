package dev.bulwark.engine.catalog.elf;

import java.io.Closeable;
import java.io.IOException;

/**
 * A binary readable by file offset: either all of it, spooled, or only the ranges captured while it streamed by.
 * Reads of bytes that are outside the file, or were not captured, fail with {@link MalformedBinaryException}.
 */
public sealed interface BinaryBytes extends Closeable permits SpooledBinary, CapturedRanges {

    public long size();

    public void read(long position, byte[] dst, int off, int len) throws IOException;

    public default byte[] read(long position, int len) throws IOException {
        byte[] out = new byte[len];
        read(position, out, 0, len);
        return out;
    }

    public default void checkRange(long position, long len) {
        if (position < 0 || len < 0 || position > size() - len) {
            throw new MalformedBinaryException("needs bytes " + position + ".." + (position + len) + " of a "
                    + size() + "-byte file");
        }
    }
}
