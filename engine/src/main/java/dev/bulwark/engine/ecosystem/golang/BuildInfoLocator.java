package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.elf.ElfFile;
import dev.bulwark.engine.catalog.elf.BinaryBytes;
import dev.bulwark.engine.catalog.elf.MalformedBinaryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds the build information blob the Go linker writes into a binary and decodes its two strings: the toolchain
 * version and the module information. The blob starts with {@code "\xff Go buildinf:"} at a 16-byte aligned address,
 * in the {@code .go.buildinfo} section or, when the section table is missing, somewhere in the first writable
 * segment. Go 1.18 and later store both strings inline after the 32-byte header (flag bit 2); older linkers store
 * pointers to Go string headers instead, which point into other segments.
 */
final class BuildInfoLocator {
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ALIGN = 16;
    private static final int HEADER = 32;
    /** Externally linked binaries put the blob after RELRO data; hundreds of KB in, never tens of MB. */
    static final int MAX_SEARCH = 16 << 20;
    /** The module list of the largest real binaries is well under a megabyte. */
    static final int MAX_STRING = 8 << 20;
    private static final int CHUNK = 1 << 20;

    /** The two strings; {@code modInfo} is empty when the binary was built without module information. */
    record RawBuildInfo(String goVersion, String modInfo) {
    }

    /** Where to search: a file range and the virtual address it is loaded at. */
    record Region(long offset, long size, long vaddr) {
    }

    private BuildInfoLocator() {
    }

    /**
     * The region Go's own reader searches: the {@code .go.buildinfo} section if there is a readable section table,
     * else the first writable, non-executable loaded segment; null if neither exists.
     */
    static Region region(ElfFile elf, boolean useSections) throws IOException {
        if (useSections) {
            ElfFile.Section s = elf.section(".go.buildinfo");
            if (s != null && s.size() > 0) {
                return new Region(s.offset(), s.size(), s.addr());
            }
        }
        for (ElfFile.Segment s : elf.segments()) {
            if (s.type() == ElfFile.PT_LOAD && (s.flags() & (ElfFile.PF_W | ElfFile.PF_X)) == ElfFile.PF_W) {
                return new Region(s.offset(), s.fileSize(), s.vaddr());
            }
        }
        return null;
    }

    /** The decoded blob, or null when the region holds no build information (not a Go binary). */
    static RawBuildInfo read(ElfFile elf, Region region) throws IOException {
        long at = find(elf.bytes(), region);
        if (at < 0) {
            return null;
        }
        BinaryBytes bytes = elf.bytes();
        byte[] header = bytes.read(at, HEADER);
        int ptrSize = header[14];
        int flags = header[15];
        byte[] version;
        byte[] modInfo;
        if ((flags & 2) != 0) {
            long[] cursor = {at + HEADER};
            version = inlineString(bytes, cursor);
            modInfo = inlineString(bytes, cursor);
        } else {
            if (ptrSize != 4 && ptrSize != 8) {
                throw new MalformedBinaryException("Go build information has pointer size " + ptrSize);
            }
            boolean big = (flags & 1) != 0;
            version = pointedString(elf, ElfFile.u(header, 16, ptrSize, big), ptrSize, big);
            modInfo = pointedString(elf, ElfFile.u(header, 16 + ptrSize, ptrSize, big), ptrSize, big);
        }
        if (version.length == 0) {
            return null;
        }
        return new RawBuildInfo(new String(version, StandardCharsets.UTF_8), stripSentinels(modInfo));
    }

    private static long find(BinaryBytes bytes, Region region) throws IOException {
        long limit = Math.min(region.size(), MAX_SEARCH);
        if (limit < HEADER) {
            return -1;
        }
        byte[] buf = new byte[(int) Math.min(limit, CHUNK)];
        // Chunks overlap by ALIGN bytes, so a magic that starts near the end of one is whole in the next.
        for (long pos = 0; pos < limit; pos += buf.length - ALIGN) {
            int n = (int) Math.min(buf.length, limit - pos);
            bytes.read(region.offset() + pos, buf, 0, n);
            for (int i = Math.floorMod(-(region.vaddr() + pos), ALIGN); i + MAGIC.length <= n; i += ALIGN) {
                if (matches(buf, i)) {
                    return region.offset() + pos + i;
                }
            }
            if (pos + n >= limit) {
                break;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] buf, int at) {
        for (int k = 0; k < MAGIC.length; k++) {
            if (buf[at + k] != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    /** A uvarint length followed by that many bytes; {@code cursor[0]} advances past it. */
    private static byte[] inlineString(BinaryBytes bytes, long[] cursor) throws IOException {
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) {
                throw new MalformedBinaryException("Go build information has an overlong length");
            }
            int b = bytes.read(cursor[0]++, 1)[0] & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (length < 0 || length > MAX_STRING) {
            throw new MalformedBinaryException("Go build information string of " + length + " bytes");
        }
        byte[] s = bytes.read(cursor[0], (int) length);
        cursor[0] += length;
        return s;
    }

    /** A Go string header (data pointer, length) at {@code address}, and the bytes it points to. */
    private static byte[] pointedString(ElfFile elf, long address, int ptrSize, boolean big) throws IOException {
        byte[] header = elf.readAddress(address, 2 * ptrSize);
        long data = ElfFile.u(header, 0, ptrSize, big);
        long length = ElfFile.u(header, ptrSize, ptrSize, big);
        if (length < 0 || length > MAX_STRING) {
            throw new MalformedBinaryException("Go build information string of " + length + " bytes");
        }
        return length == 0 ? new byte[0] : elf.readAddress(data, (int) length);
    }

    /** The linker frames module information with 16-byte sentinels; without them there is none. */
    private static String stripSentinels(byte[] b) {
        if (b.length >= 33 && b[b.length - 17] == '\n') {
            return new String(b, 16, b.length - 32, StandardCharsets.UTF_8);
        }
        return "";
    }
}
