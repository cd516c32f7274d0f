package dev.bulwark.engine.layer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A streaming tar reader (ustar, GNU long names, PAX extended headers, base-256 sizes) that holds nothing but the
 * current header. Every header is checksummed and every length is bounded, so a hostile archive ends in a
 * {@link TarFormatException} rather than a hang or a huge allocation. Content of the current entry is read through
 * {@link #content()}; whatever the caller leaves unread is skipped by {@link #next()}.
 */
public final class TarReader {
    private static final int BLOCK = 512;
    /** GNU long names and PAX headers larger than this are refused: no real path is this long. */
    private static final int MAX_META = 1 << 20;

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private long entries;
    private final EntryStream current = new EntryStream();

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end of the archive (two zero blocks, or a clean end of stream). */
    public TarEntry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        String longLink = null;
        PaxHeaders pax = null;
        while (true) {
            if (!readHeader()) {
                return null;
            }
            entries++;
            char type = (char) header[156];
            long size = parseNumber(124, 12, "size");
            if (size < 0) {
                throw new TarFormatException("entry " + entries + " has a negative size");
            }
            switch (type) {
                case 'L' -> longName = readMetaString(size, "GNU long name");
                case 'K' -> longLink = readMetaString(size, "GNU long link name");
                case 'x' -> pax = PaxHeaders.parse(readMeta(size, "PAX header"));
                case 'g' -> skipFully(size + pad(size));
                default -> {
                    return entry(type, size, longName, longLink, pax);
                }
            }
        }
    }

    /** The content of the entry last returned by {@link #next()}, ending at the entry's end. */
    public InputStream content() {
        return current;
    }

    private TarEntry entry(char type, long size, String longName, String longLink, PaxHeaders pax)
            throws TarFormatException {
        String name = longName != null ? longName : ustarName();
        String link = longLink != null ? longLink : cString(157, 100);
        if (pax != null) {
            if (pax.path() != null) {
                name = pax.path();
            }
            if (pax.linkPath() != null) {
                link = pax.linkPath();
            }
            if (pax.size() >= 0) {
                size = pax.size();
            }
        }
        if (name.isEmpty()) {
            throw new TarFormatException("entry " + entries + " has an empty name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new TarFormatException("entry " + entries + " has a NUL in its name");
        }
        boolean hasData = type != '1' && type != '2' && type != '3' && type != '4' && type != '5' && type != '6';
        long dataSize = hasData ? size : 0;
        remaining = dataSize;
        padding = pad(dataSize);
        int mode = (int) parseNumber(100, 8, "mode");
        long uid = parseNumber(108, 8, "uid");
        long gid = parseNumber(116, 8, "gid");
        if (pax != null) {
            uid = pax.uid() >= 0 ? pax.uid() : uid;
            gid = pax.gid() >= 0 ? pax.gid() : gid;
        }
        return new TarEntry(name, type, dataSize, mode, uid, gid, link);
    }

    private boolean readHeader() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new TarFormatException("archive is truncated inside a header (entry " + (entries + 1) + ")");
        }
        if (allZero(header)) {
            return false;
        }
        long stored = parseNumber(148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new TarFormatException("header checksum mismatch at entry " + (entries + 1)
                    + " (not a tar archive, or corrupt)");
        }
        return true;
    }

    private String ustarName() {
        String name = cString(0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        if (ustar && header[262] == '\0') {
            String prefix = cString(345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private String cString(int off, int len) {
        int end = off;
        while (end < off + len && header[end] != 0) {
            end++;
        }
        return new String(header, off, end - off, StandardCharsets.UTF_8);
    }

    /** Octal (space/NUL padded) or GNU base-256 for large values. */
    private long parseNumber(int off, int len, String field) throws TarFormatException {
        if ((header[off] & 0x80) != 0) {
            if ((header[off] & 0x40) != 0) {
                throw new TarFormatException("entry " + (entries + 1) + " has a negative base-256 " + field);
            }
            long v = header[off] & 0x3f;
            for (int i = 1; i < len; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    throw new TarFormatException("entry " + (entries + 1) + " has an oversized " + field);
                }
                v = (v << 8) | (header[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        boolean any = false;
        for (; i < end; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new TarFormatException("entry " + (entries + 1) + " has a non-octal " + field
                        + " (not a tar archive, or corrupt)");
            }
            if (v > (Long.MAX_VALUE >> 3)) {
                throw new TarFormatException("entry " + (entries + 1) + " has an oversized " + field);
            }
            v = (v << 3) | (b - '0');
            any = true;
        }
        return any ? v : 0;
    }

    private byte[] readMeta(long size, String what) throws IOException {
        if (size > MAX_META) {
            throw new TarFormatException(what + " of " + size + " bytes is over the limit of " + MAX_META);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new TarFormatException("archive is truncated inside a " + what);
        }
        skipFully(pad(size));
        return data;
    }

    private String readMetaString(long size, String what) throws IOException {
        byte[] data = readMeta(size, what);
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new TarFormatException("archive is truncated (" + n + " bytes missing at entry "
                            + entries + ")");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static long pad(long size) {
        long r = size % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** The current entry's content; it never reads past the entry. */
    private final class EntryStream extends InputStream {
        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("archive is truncated inside entry " + entries);
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new TarFormatException("archive is truncated inside entry " + entries);
            }
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long want = Math.min(n, remaining);
            long done = 0;
            while (done < want) {
                long s = in.skip(want - done);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new TarFormatException("archive is truncated inside entry " + entries);
                    }
                    s = 1;
                }
                done += s;
            }
            remaining -= done;
            return done;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }
}
