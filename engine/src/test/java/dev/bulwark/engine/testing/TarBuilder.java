package dev.bulwark.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes ustar archives entry by entry, including entries no well-behaved tool would write (names with {@code ..},
 * absolute names, links to nowhere), for hostile-input tests. Headers follow POSIX ustar exactly.
 */
public final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public TarBuilder file(String name, byte[] content) {
        return entry(name, '0', content, "", content.length);
    }

    public TarBuilder dir(String name) {
        return entry(name, '5', new byte[0], "", 0);
    }

    public TarBuilder symlink(String name, String target) {
        return entry(name, '2', new byte[0], target, 0);
    }

    public TarBuilder hardlink(String name, String target) {
        return entry(name, '1', new byte[0], target, 0);
    }

    /** A header that declares {@code declaredSize} bytes but carries {@code content} (for truncation tests). */
    public TarBuilder entry(String name, char type, byte[] content, String link, long declaredSize) {
        try {
            out.write(header(name, type, declaredSize, link));
            out.write(content);
            out.write(new byte[(int) ((512 - content.length % 512) % 512)]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The archive with its two end-of-archive blocks. */
    public byte[] build() {
        byte[] body = out.toByteArray();
        byte[] all = new byte[body.length + 1024];
        System.arraycopy(body, 0, all, 0, body.length);
        return all;
    }

    /** The archive without end-of-archive blocks (as a truncated stream would end). */
    public byte[] buildUnterminated() {
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] header(String name, char type, long size, String link) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            throw new IllegalArgumentException("use short names in tests: " + name);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, String.format("%07o", type == '5' ? 0755 : 0644));
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        byte[] l = link.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(l, 0, h, 157, Math.min(100, l.length));
        put(h, 257, "ustar");
        h[262] = 0;
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
