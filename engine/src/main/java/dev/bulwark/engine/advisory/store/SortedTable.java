package dev.bulwark.engine.advisory.store;

import java.nio.ByteBuffer;

/** A table section of the mapped file (see {@link SortedTableWriter}), searched by binary search over its keys. */
final class SortedTable {
    private final ByteBuffer buf;
    private final int start;
    private final int end;
    private final int count;

    SortedTable(ByteBuffer buf, int start, int end) {
        this.buf = buf;
        this.start = start;
        this.end = end;
        if (end - start < 4) {
            throw new CorruptDatabase("table section too short");
        }
        count = buf.getInt(start);
        if (count < 0 || 4L + 4L * count > end - start) {
            throw new CorruptDatabase("table count out of bounds");
        }
    }

    int count() {
        return count;
    }

    /** A reader positioned at the value for {@code key}, or null when the key is absent. */
    RecordReader find(byte[] key) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            RecordReader r = record(mid);
            int c = compareKey(r, key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                int len = (int) r.varint();
                if (len > end - r.position()) {
                    throw new CorruptDatabase("value out of bounds");
                }
                return new RecordReader(buf, r.position(), r.position() + len);
            }
        }
        return null;
    }

    private RecordReader record(int i) {
        int offset = buf.getInt(start + 4 + 4 * i);
        if (offset < 4 || offset >= end - start) {
            throw new CorruptDatabase("record offset out of bounds");
        }
        return new RecordReader(buf, start + offset, end);
    }

    /** Compares the stored key at the reader (consuming it) with {@code key}, as unsigned bytes. */
    private int compareKey(RecordReader r, byte[] key) {
        long len = r.varint();
        if (len > end - r.position()) {
            throw new CorruptDatabase("key out of bounds");
        }
        int n = (int) len;
        int p = r.position();
        int common = Math.min(n, key.length);
        for (int i = 0; i < common; i++) {
            int c = Integer.compare(buf.get(p + i) & 0xff, key[i] & 0xff);
            if (c != 0) {
                skip(r, n);
                return c;
            }
        }
        skip(r, n);
        return Integer.compare(n, key.length);
    }

    private static void skip(RecordReader r, int n) {
        r.skip(n);
    }
}
