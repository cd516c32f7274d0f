package dev.bulwark.engine.advisory.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the encoding of {@link RecordWriter} from a shared read-only buffer with absolute gets (so readers on many
 * threads share one mapping) and checks every length against the record's end: a corrupt file fails with
 * {@link CorruptDatabase}, never with a huge allocation.
 */
final class RecordReader {
    private static final int MAX_LIST = 1 << 20;
    private final ByteBuffer buf;
    private int pos;
    private final int end;

    RecordReader(ByteBuffer buf, int pos, int end) {
        if (pos < 0 || end > buf.limit() || pos > end) {
            throw new CorruptDatabase("record bounds out of the file");
        }
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = get();
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new CorruptDatabase("varint too long");
    }

    int count() {
        long n = varint();
        if (n > MAX_LIST || n > end - pos) {
            throw new CorruptDatabase("count " + n + " out of bounds");
        }
        return (int) n;
    }

    byte[] bytes() {
        long n = varint();
        if (n > end - pos) {
            throw new CorruptDatabase("length out of bounds");
        }
        byte[] b = new byte[(int) n];
        buf.get(pos, b);
        pos += n;
        return b;
    }

    String string() {
        long n = varint();
        if (n == 0) {
            return null;
        }
        if (n - 1 > end - pos) {
            throw new CorruptDatabase("string length out of bounds");
        }
        byte[] b = new byte[(int) (n - 1)];
        buf.get(pos, b);
        pos += b.length;
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Moves past a {@link #string()} without decoding it. */
    void skipString() {
        long n = varint();
        if (n > 0) {
            if (n - 1 > end - pos) {
                throw new CorruptDatabase("string length out of bounds");
            }
            pos += (int) (n - 1);
        }
    }

    /** Moves past a {@link #strings()} list without decoding it. */
    void skipStrings() {
        int n = count();
        for (int i = 0; i < n; i++) {
            skipString();
        }
    }

    String requiredString() {
        String s = string();
        if (s == null) {
            throw new CorruptDatabase("missing string");
        }
        return s;
    }

    List<String> strings() {
        int n = count();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(requiredString());
        }
        return out;
    }

    /** Moves past an {@link #instant()} without building it. */
    void skipInstant() {
        if (get() != 0) {
            skip(8);
            varint();
        }
    }

    Instant instant() {
        if (get() == 0) {
            return null;
        }
        long seconds = longValue();
        long nanos = varint();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw new CorruptDatabase("bad time");
        }
    }

    LocalDate date() {
        String s = string();
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new CorruptDatabase("bad date");
        }
    }

    long longValue() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (get() & 0xff);
        }
        return v;
    }

    <E extends Enum<E>> E enumValue(E[] values) {
        int i = get() & 0xff;
        if (i >= values.length) {
            throw new CorruptDatabase("bad enum ordinal " + i);
        }
        return values[i];
    }

    byte get() {
        if (pos >= end) {
            throw new CorruptDatabase("record ends early");
        }
        return buf.get(pos++);
    }

    void skip(int n) {
        if (n < 0 || n > end - pos) {
            throw new CorruptDatabase("skip out of bounds");
        }
        pos += n;
    }

    int position() {
        return pos;
    }
}
