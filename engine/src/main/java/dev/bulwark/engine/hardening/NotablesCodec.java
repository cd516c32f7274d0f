package dev.bulwark.engine.hardening;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.layer.EntryType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of {@link LayerNotables}: a magic and format number, then counts and fields. Every count and
 * length is checked against the bytes left before anything is allocated, so a corrupt cache file costs a clear
 * error, never a huge allocation.
 */
final class NotablesCodec {
    private static final int MAGIC = 0x42574E46; // "BWNF"
    private static final byte FORMAT = 1;
    private static final int MAX_STRING = 1 << 20;
    private static final EntryType[] TYPES = EntryType.values();

    private NotablesCodec() {
    }

    static byte[] encode(LayerNotables n) {
        List<byte[]> strings = new ArrayList<>();
        int size = 4 + 1 + 4 + 4 + 4 + 1 + 4;
        for (NotableFile f : n.files()) {
            byte[] path = utf8(f.path());
            byte[] link = f.linkTarget() == null ? null : utf8(f.linkTarget());
            strings.add(path);
            strings.add(link);
            size += 4 + path.length + 1 + 8 + 4 + 4 + (link == null ? 0 : link.length) + 4;
        }
        for (LayerNotables.Removal r : n.removals()) {
            byte[] path = utf8(r.path());
            strings.add(path);
            size += 4 + path.length + 1;
        }
        long[] hashes = n.paths().hashes();
        size += 8 * hashes.length;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(MAGIC).put(FORMAT);
        int s = 0;
        out.putInt(n.files().size());
        for (NotableFile f : n.files()) {
            putString(out, strings.get(s++));
            out.put((byte) f.type().ordinal()).putLong(f.size()).putInt(f.mode());
            putString(out, strings.get(s++));
            out.putInt(f.kinds());
        }
        out.putInt(n.removals().size());
        for (LayerNotables.Removal r : n.removals()) {
            putString(out, strings.get(s++));
            out.put((byte) (r.opaque() ? 1 : 0));
        }
        out.putInt(hashes.length).put((byte) (n.paths().complete() ? 1 : 0));
        for (long h : hashes) {
            out.putLong(h);
        }
        out.putInt(n.dropped());
        return out.array();
    }

    static LayerNotables decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC || in.get() != FORMAT) {
                throw bad("unknown magic or format");
            }
            int fileCount = count(in, 4 + 1 + 8 + 4 + 4 + 4);
            List<NotableFile> files = new ArrayList<>(fileCount);
            for (int i = 0; i < fileCount; i++) {
                String path = string(in, false);
                int type = in.get();
                if (type < 0 || type >= TYPES.length) {
                    throw bad("entry type " + type);
                }
                long size = in.getLong();
                int mode = in.getInt();
                String link = string(in, true);
                files.add(new NotableFile(path, TYPES[type], size, mode, link, in.getInt()));
            }
            int removalCount = count(in, 4 + 1);
            List<LayerNotables.Removal> removals = new ArrayList<>(removalCount);
            for (int i = 0; i < removalCount; i++) {
                removals.add(new LayerNotables.Removal(string(in, false), flag(in)));
            }
            int hashCount = count(in, 8);
            boolean complete = flag(in);
            long[] hashes = new long[hashCount];
            for (int i = 0; i < hashCount; i++) {
                hashes[i] = in.getLong();
                if (i > 0 && hashes[i] <= hashes[i - 1]) {
                    throw bad("path hashes out of order");
                }
            }
            int dropped = in.getInt();
            if (dropped < 0 || in.hasRemaining()) {
                throw bad(dropped < 0 ? "negative dropped count" : "trailing bytes");
            }
            return new LayerNotables(files, removals, new PathSet(hashes, complete), dropped);
        } catch (BufferUnderflowException e) {
            throw bad("truncated");
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static int count(ByteBuffer in, int minBytesEach) {
        int n = in.getInt();
        if (n < 0 || (long) n * minBytesEach > in.remaining()) {
            throw bad("count " + n + " does not fit in " + in.remaining() + " bytes");
        }
        return n;
    }

    private static boolean flag(ByteBuffer in) {
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw bad("flag byte " + b);
        }
        return b == 1;
    }

    private static String string(ByteBuffer in, boolean nullable) {
        int len = in.getInt();
        if (len == -1 && nullable) {
            return null;
        }
        if (len < 0 || len > MAX_STRING || len > in.remaining()) {
            throw bad("string length " + len);
        }
        byte[] b = new byte[len];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer out, byte[] s) {
        if (s == null) {
            out.putInt(-1);
        } else {
            out.putInt(s.length).put(s);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static BulwarkException bad(String why) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, "notable-file list is corrupt (" + why + ")");
    }
}
