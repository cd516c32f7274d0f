package dev.bulwark.engine.policy.cel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/** Decodes one quoted string or bytes literal (single, double, triple quotes; raw; CEL escapes). */
final class StringLiteral {
    private final String src;
    private final int start;
    private final boolean raw;
    private final boolean bytes;

    StringLiteral(String src, int start, boolean raw, boolean bytes) {
        this.src = src;
        this.start = start;
        this.raw = raw;
        this.bytes = bytes;
    }

    /** Decodes the literal starting at the quote; reports the offset after the closing quote. */
    Object read(IntConsumer end) {
        char quote = src.charAt(start);
        String delimiter = src.startsWith("" + quote + quote + quote, start) ? "" + quote + quote + quote : "" + quote;
        int i = start + delimiter.length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (i >= src.length()) {
                throw CelException.at(src, start, "unterminated string literal");
            }
            if (src.startsWith(delimiter, i)) {
                end.accept(i + delimiter.length());
                break;
            }
            char c = src.charAt(i);
            if ((c == '\n' || c == '\r') && delimiter.length() == 1) {
                throw CelException.at(src, i, "newline in string literal");
            }
            if (c == '\\' && !raw) {
                i = escape(i, out);
                continue;
            }
            int cp = src.codePointAt(i);
            append(out, cp);
            i += Character.charCount(cp);
        }
        byte[] data = out.toByteArray();
        if (bytes) {
            return new CelBytes(data);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    private static void append(ByteArrayOutputStream out, int cp) {
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    }

    private int escape(int at, ByteArrayOutputStream out) {
        if (at + 1 >= src.length()) {
            throw CelException.at(src, at, "unterminated escape sequence");
        }
        char e = src.charAt(at + 1);
        int simple = switch (e) {
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            case '\\', '\'', '"', '`', '?' -> e;
            default -> -1;
        };
        if (simple >= 0) {
            out.write(simple);
            return at + 2;
        }
        int digits;
        int radix;
        int skip;
        if (e == 'x' || e == 'X') {
            digits = 2;
            radix = 16;
            skip = 2;
        } else if (e == 'u') {
            digits = 4;
            radix = 16;
            skip = 2;
        } else if (e == 'U') {
            digits = 8;
            radix = 16;
            skip = 2;
        } else if (e >= '0' && e <= '3') {
            digits = 3;
            radix = 8;
            skip = 1;
        } else {
            throw CelException.at(src, at, "invalid escape sequence \\" + e);
        }
        int from = at + skip;
        if (from + digits > src.length()) {
            throw CelException.at(src, at, "truncated escape sequence");
        }
        int value;
        try {
            value = Integer.parseUnsignedInt(src.substring(from, from + digits), radix);
        } catch (NumberFormatException ex) {
            throw CelException.at(src, at, "invalid escape sequence");
        }
        if ((e == 'u' || e == 'U') && bytes) {
            throw CelException.at(src, at, "unicode escape in bytes literal");
        }
        if (bytes || (e != 'u' && e != 'U' && value < 0x80)) {
            out.write(value);
        } else {
            if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
                throw CelException.at(src, at, "invalid unicode code point in escape");
            }
            append(out, value);
        }
        return from + digits;
    }
}
