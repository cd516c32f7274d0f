package dev.bulwark.engine.advisory.store;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects key → value pairs and writes them as one table section: a count, the offsets of the records (4 bytes
 * each, relative to the section), then the records (varint-prefixed key and value), keys in unsigned byte order so
 * a reader can binary-search the mapped bytes without decoding anything else.
 */
final class SortedTableWriter {
    private final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

    void put(byte[] key, byte[] value) {
        entries.put(key, value);
    }

    int size() {
        return entries.size();
    }

    byte[] toByteArray() {
        RecordWriter records = new RecordWriter();
        int[] offsets = new int[entries.size()];
        int header = 4 + 4 * entries.size();
        int i = 0;
        for (Map.Entry<byte[], byte[]> e : entries.entrySet()) {
            offsets[i++] = header + records.size();
            records.bytes(e.getKey());
            records.bytes(e.getValue());
        }
        RecordWriter out = new RecordWriter();
        int4(out, entries.size());
        for (int o : offsets) {
            int4(out, o);
        }
        out.raw(records.toByteArray());
        return out.toByteArray();
    }

    private static void int4(RecordWriter w, int v) {
        w.put((byte) (v >>> 24));
        w.put((byte) (v >>> 16));
        w.put((byte) (v >>> 8));
        w.put((byte) v);
    }
}
