package dev.bulwark.engine.ecosystem.rpm;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one SQLite record (a row payload): a header of serial types, then the values. Values come back as null,
 * {@link Long}, {@link Double}, {@link String} or {@code byte[]}; a header or value running past the payload fails
 * with {@link MalformedDatabaseException}.
 */
final class SqliteRecord {
    /** SQLite's own default limit on columns in a table. */
    private static final int MAX_COLUMNS = 2000;

    private SqliteRecord() {
    }

    static List<Object> decode(byte[] payload, int textEncoding) {
        Cursor header = new Cursor(payload, 0, payload.length);
        long headerSize = header.varint();
        if (headerSize < header.position() || headerSize > payload.length) {
            throw new MalformedDatabaseException("record header size " + headerSize + " does not fit its payload");
        }
        Cursor types = new Cursor(payload, header.position(), (int) headerSize);
        int valueAt = (int) headerSize;
        List<Object> values = new ArrayList<>();
        while (types.position() < headerSize) {
            if (values.size() >= MAX_COLUMNS) {
                throw new MalformedDatabaseException("record has more than " + MAX_COLUMNS + " columns");
            }
            long type = types.varint();
            long length = length(type);
            if (length > payload.length - valueAt) {
                throw new MalformedDatabaseException("record value of " + length + " bytes runs past its payload");
            }
            values.add(value(payload, valueAt, (int) length, type, charset(textEncoding)));
            valueAt += (int) length;
        }
        return values;
    }

    private static long length(long type) {
        if (type >= 12) {
            return (type - (type % 2 == 0 ? 12 : 13)) / 2;
        }
        return switch ((int) type) {
            case 0, 8, 9 -> 0;
            case 1, 2, 3, 4 -> type;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> throw new MalformedDatabaseException("record uses reserved serial type " + type);
        };
    }

    private static Object value(byte[] b, int at, int length, long type, Charset charset) {
        if (type >= 12) {
            return type % 2 == 0 ? Arrays.copyOfRange(b, at, at + length) : new String(b, at, length, charset);
        }
        if (type == 0) {
            return null;
        }
        if (type == 8 || type == 9) {
            return Long.valueOf(type - 8);
        }
        long v = b[at];
        for (int i = 1; i < length; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        if (type == 7) {
            return Double.longBitsToDouble(v);
        }
        return v;
    }

    private static Charset charset(int textEncoding) {
        return switch (textEncoding) {
            case 2 -> StandardCharsets.UTF_16LE;
            case 3 -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
    }

    /** Reads big-endian varints (1 to 9 bytes) from {@code bytes[position, limit)}. */
    static final class Cursor {
        private final byte[] bytes;
        private final int limit;
        private int position;

        Cursor(byte[] bytes, int position, int limit) {
            this.bytes = bytes;
            this.position = position;
            this.limit = Math.min(limit, bytes.length);
        }

        int position() {
            return position;
        }

        long varint() {
            long v = 0;
            for (int i = 0; i < 9; i++) {
                if (position >= limit) {
                    throw new MalformedDatabaseException("varint runs past the end of its page or record");
                }
                int b = bytes[position++] & 0xff;
                if (i == 8) {
                    return v << 8 | b;
                }
                v = v << 7 | (b & 0x7f);
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            return v;
        }
    }
}
