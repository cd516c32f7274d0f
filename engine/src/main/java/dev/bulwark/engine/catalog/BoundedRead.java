package dev.bulwark.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The first {@code limit} bytes of a stream (all of it if shorter), as {@code InputStream.readNBytes(limit)} gives
 * them, in {@code bytes[0, length)}, but read straight into one array of the declared size when that is known and
 * under the limit: {@code readNBytes} grows 16 KiB chunks and copies them, for every small file of a node_modules
 * tree and every jar of a fat jar. The declared size is only a hint: a shorter stream is cut to what it held, a
 * longer one read on to the limit, so a lying size cannot make this allocate much more than the bytes really there.
 *
 * @param bytes the array read into; longer than {@code length} only when a reused buffer was given
 */
public record BoundedRead(byte[] bytes, int length) {

    /**
     * @param reuse an array to read into when it is large enough (the caller's buffer, kept from one read to the next),
     *     or null
     */
    public static BoundedRead of(InputStream in, int limit, long declaredSize, byte[] reuse) throws IOException {
        if (declaredSize < 0 || declaredSize >= limit) {
            byte[] all = in.readNBytes(limit);
            return new BoundedRead(all, all.length);
        }
        int size = (int) declaredSize;
        byte[] buf = reuse != null && reuse.length >= size ? reuse
                : new byte[reuse == null ? size : (int) Math.min(Math.max(size, 2L * reuse.length), limit)];
        int n = in.readNBytes(buf, 0, size);
        if (n < size) {
            return new BoundedRead(buf, n);
        }
        int next = in.read();
        if (next < 0) {
            return new BoundedRead(buf, n);
        }
        byte[] more = in.readNBytes(limit - n - 1);
        byte[] all = Arrays.copyOf(buf, n + 1 + more.length);
        all[n] = (byte) next;
        System.arraycopy(more, 0, all, n + 1, more.length);
        return new BoundedRead(all, all.length);
    }

    /** The bytes read, in an array of their own length. */
    public byte[] exact() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
