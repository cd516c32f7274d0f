package dev.bulwark.engine.catalog.elf;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a binary kept while it streamed by once: the prefix already read plus the ranges asked for, in file
 * order. Used where the wanted bytes are known from the headers up front, so nothing else is held or spooled.
 */
public final class CapturedRanges implements BinaryBytes {
    private final long size;
    private final List<Long> starts = new ArrayList<>();
    private final List<byte[]> chunks = new ArrayList<>();

    private CapturedRanges(long size) {
        this.size = size;
    }

    /**
     * Reads {@code in} (positioned just after {@code prefix}) forward once, keeping each of {@code ranges}
     * ({@code [start, end)} pairs, clipped to the file). The caller bounds the ranges' total size.
     */
    public static CapturedRanges capture(byte[] prefix, InputStream in, long size, List<long[]> ranges) throws IOException {
        CapturedRanges c = new CapturedRanges(size);
        c.starts.add(0L);
        c.chunks.add(prefix);
        long position = prefix.length;
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(r -> r[0]));
        for (long[] r : sorted) {
            long start = Math.max(r[0], position);
            long end = Math.min(r[1], size);
            if (end <= start) {
                continue;
            }
            try {
                in.skipNBytes(start - position);
            } catch (EOFException e) {
                break; // truncated file: later reads of what is missing fail
            }
            position = start;
            byte[] data = in.readNBytes((int) (end - start));
            position += data.length;
            c.starts.add(start);
            c.chunks.add(data);
            if (data.length < end - start) {
                break; // truncated file: what was read is kept, later reads past it fail
            }
        }
        return c;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) {
        checkRange(position, len);
        for (int i = 0; i < chunks.size(); i++) {
            long start = starts.get(i);
            byte[] chunk = chunks.get(i);
            if (position >= start && position + len <= start + chunk.length) {
                System.arraycopy(chunk, (int) (position - start), dst, off, len);
                return;
            }
        }
        throw new MalformedBinaryException("bytes " + position + ".." + (position + len)
                + " lie outside the parts of the file that were read");
    }

    @Override
    public void close() {
    }
}
