package dev.bulwark.engine.advisory.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;

/** Appends varints, nullable strings and dates to a growable byte array: the encoding {@link RecordReader} reads. */
final class RecordWriter {
    private byte[] buf = new byte[256];
    private int size;

    void varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint");
        }
        while (v >= 0x80) {
            put((byte) (v | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    void bytes(byte[] b) {
        varint(b.length);
        raw(b);
    }

    void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** A string, or null, as length + 1 followed by UTF-8 (0 = null). */
    void string(String s) {
        if (s == null) {
            varint(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length + 1L);
        raw(b);
    }

    void strings(Collection<String> list) {
        varint(list.size());
        list.forEach(this::string);
    }

    void instant(Instant t) {
        if (t == null) {
            put((byte) 0);
            return;
        }
        put((byte) 1);
        longValue(t.getEpochSecond());
        varint(t.getNano());
    }

    void date(LocalDate d) {
        string(d == null ? null : d.toString());
    }

    void longValue(long v) {
        for (int i = 7; i >= 0; i--) {
            put((byte) (v >>> (8 * i)));
        }
    }

    void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
