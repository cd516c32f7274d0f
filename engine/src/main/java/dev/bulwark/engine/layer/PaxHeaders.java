package dev.bulwark.engine.layer;

import java.nio.charset.StandardCharsets;

/** The PAX extended header records Bulwark uses: path, linkpath, size, uid, gid (POSIX.1-2001 pax format). */
record PaxHeaders(String path, String linkPath, long size, long uid, long gid) {

    /** Parses {@code "LEN key=value\n"} records; malformed records end the parse with an exception. */
    static PaxHeaders parse(byte[] data) throws TarFormatException {
        String path = null;
        String link = null;
        long size = -1;
        long uid = -1;
        long gid = -1;
        int pos = 0;
        while (pos < data.length) {
            if (data[pos] == 0) {
                break;
            }
            int space = pos;
            int len = 0;
            while (space < data.length && data[space] != ' ') {
                byte b = data[space];
                if (b < '0' || b > '9' || len > 10_000_000) {
                    throw new TarFormatException("malformed PAX record length");
                }
                len = len * 10 + (b - '0');
                space++;
            }
            if (len <= 0 || pos + len > data.length || space >= pos + len || data[pos + len - 1] != '\n') {
                throw new TarFormatException("malformed PAX record");
            }
            String record = new String(data, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                String key = record.substring(0, eq);
                String value = record.substring(eq + 1);
                switch (key) {
                    case "path" -> path = value;
                    case "linkpath" -> link = value;
                    case "size" -> size = number(value, "size");
                    case "uid" -> uid = number(value, "uid");
                    case "gid" -> gid = number(value, "gid");
                    default -> {
                        // other records (mtime, xattrs, GNU sparse) carry nothing Bulwark needs
                    }
                }
            }
            pos += len;
        }
        return new PaxHeaders(path, link, size, uid, gid);
    }

    private static long number(String value, String key) throws TarFormatException {
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw new TarFormatException("negative PAX " + key);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TarFormatException("malformed PAX " + key + " \"" + value + "\"");
        }
    }
}
