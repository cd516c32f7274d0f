package dev.bulwark.engine.hardening;

import java.util.Arrays;

/**
 * Every path one layer wrote, as 64-bit hashes with the lowest bit telling directories apart: enough to know that a
 * later layer replaced a file (a {@code chmod u-s} rewrites it without the bit) or put a file where a directory was,
 * at 8 bytes a path. A collision (about one in 10^13 for a large image) can only hide a finding, never invent one.
 *
 * @see NotableSquash
 */
public final class PathSet {
    private final long[] sorted;
    private final boolean complete;

    PathSet(long[] sorted, boolean complete) {
        this.sorted = sorted;
        this.complete = complete;
    }

    /** False when the layer had more paths than are kept: then later replacements may be missed. */
    public boolean complete() {
        return complete;
    }

    public int size() {
        return sorted.length;
    }

    long[] hashes() {
        return sorted;
    }

    /** Whether the layer wrote {@code path} as anything. */
    boolean containsAny(String path) {
        long h = hash(path, false);
        return Arrays.binarySearch(sorted, h) >= 0 || Arrays.binarySearch(sorted, h | 1L) >= 0;
    }

    /** Whether the layer wrote {@code path} as something other than a directory. */
    boolean containsNonDirectory(String path) {
        return Arrays.binarySearch(sorted, hash(path, false)) >= 0;
    }

    /** FNV-1a over the path's chars, mixed, with bit 0 set for directories. */
    static long hash(CharSequence path, boolean directory) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = path.length(); i < n; i++) {
            h ^= path.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return directory ? h | 1L : h & ~1L;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathSet p && complete == p.complete && Arrays.equals(sorted, p.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted) * 31 + (complete ? 1 : 0);
    }

    @Override
    public String toString() {
        return "PathSet[" + sorted.length + (complete ? "" : ", incomplete") + "]";
    }
}
