package dev.bulwark.engine.catalog.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an ELF file that locating embedded build data needs: the header, the program headers (segments), and
 * on demand the section headers with their names. 32- and 64-bit, little- and big-endian. Every count and offset is
 * checked against the file and bounded, so a fake or hostile header fails with {@link MalformedBinaryException}.
 */
public final class ElfFile {
    /** Bytes of a file that must be read to know whether, and what kind of, ELF it is. */
    public static final int HEADER_SIZE = 64;
    public static final int PT_LOAD = 1;
    public static final int PT_NOTE = 4;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    /** Real binaries have about a dozen segments and under a hundred sections. */
    private static final int MAX_SEGMENTS = 1024;
    private static final int MAX_SECTIONS = 1 << 16;
    private static final int MAX_NAMES = 4 << 20;

    public record Segment(int type, int flags, long offset, long vaddr, long fileSize) {
    }

    public record Section(String name, long flags, long addr, long offset, long size) {
    }

    private final BinaryBytes bytes;
    private final Header header;
    private final List<Segment> segments;
    private List<Section> sections;

    /** The fields of the ELF header this reader uses. */
    public record Header(boolean is64, boolean bigEndian, long phoff, int phentsize, int phnum, long shoff,
            int shentsize, int shnum, int shstrndx) {

        /** Whether {@code b} starts with the ELF magic. */
        public static boolean isElf(byte[] b) {
            return b.length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
        }

        /** Parses the header from the first bytes of a file ({@link #HEADER_SIZE} or all of a smaller file). */
        public static Header parse(byte[] b) {
            if (!isElf(b) || b.length < 52) {
                throw new MalformedBinaryException("not an ELF file or truncated ELF header");
            }
            int cls = b[4];
            int data = b[5];
            if ((cls != 1 && cls != 2) || (data != 1 && data != 2)) {
                throw new MalformedBinaryException("unknown ELF class " + cls + " or data encoding " + data);
            }
            boolean is64 = cls == 2;
            boolean big = data == 2;
            if (is64 && b.length < HEADER_SIZE) {
                throw new MalformedBinaryException("truncated ELF header");
            }
            return is64
                    ? new Header(true, big, u(b, 32, 8, big), (int) u(b, 54, 2, big), (int) u(b, 56, 2, big),
                            u(b, 40, 8, big), (int) u(b, 58, 2, big), (int) u(b, 60, 2, big), (int) u(b, 62, 2, big))
                    : new Header(false, big, u(b, 28, 4, big), (int) u(b, 42, 2, big), (int) u(b, 44, 2, big),
                            u(b, 32, 4, big), (int) u(b, 46, 2, big), (int) u(b, 48, 2, big), (int) u(b, 50, 2, big));
        }

        /** The byte range {@code [start, end)} of the program header table. */
        public long[] programHeaders() {
            return new long[] {phoff, phoff + (long) phentsize * phnum};
        }

        /** The byte range {@code [start, end)} of the section header table (empty when the file has none). */
        public long[] sectionHeaders() {
            return new long[] {shoff, shoff + (long) shentsize * shnum};
        }

        public int pointerSize() {
            return is64 ? 8 : 4;
        }
    }

    public ElfFile(BinaryBytes bytes) throws IOException {
        this.bytes = bytes;
        this.header = Header.parse(bytes.read(0, (int) Math.min(HEADER_SIZE, bytes.size())));
        this.segments = readSegments();
    }

    public Header header() {
        return header;
    }

    public List<Segment> segments() {
        return segments;
    }

    public BinaryBytes bytes() {
        return bytes;
    }

    private List<Segment> readSegments() throws IOException {
        int size = header.is64 ? 56 : 32;
        if (header.phnum > MAX_SEGMENTS || (header.phnum > 0 && header.phentsize < size)) {
            throw new MalformedBinaryException(header.phnum + " program headers of " + header.phentsize
                    + " bytes is not a real ELF file");
        }
        byte[] table = bytes.read(header.phoff, header.phentsize * header.phnum);
        boolean big = header.bigEndian;
        List<Segment> out = new ArrayList<>(header.phnum);
        for (int i = 0; i < header.phnum; i++) {
            int o = i * header.phentsize;
            Segment s = header.is64
                    ? new Segment((int) u(table, o, 4, big), (int) u(table, o + 4, 4, big), u(table, o + 8, 8, big),
                            u(table, o + 16, 8, big), u(table, o + 32, 8, big))
                    : new Segment((int) u(table, o, 4, big), (int) u(table, o + 24, 4, big), u(table, o + 4, 4, big),
                            u(table, o + 8, 4, big), u(table, o + 16, 4, big));
            if (s.offset < 0 || s.fileSize < 0 || s.offset > bytes.size() - s.fileSize) {
                throw new MalformedBinaryException("segment " + i + " lies outside the file");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** The section headers with their names; empty when the file has no section table. */
    public List<Section> sections() throws IOException {
        if (sections == null) {
            sections = readSections();
        }
        return sections;
    }

    /** The named section, or null. */
    public Section section(String name) throws IOException {
        for (Section s : sections()) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    private List<Section> readSections() throws IOException {
        if (header.shoff == 0 || header.shnum == 0) {
            return List.of();
        }
        int size = header.is64 ? 64 : 40;
        if (header.shnum > MAX_SECTIONS || header.shentsize < size) {
            throw new MalformedBinaryException(header.shnum + " section headers of " + header.shentsize
                    + " bytes is not a real ELF file");
        }
        byte[] table = bytes.read(header.shoff, header.shentsize * header.shnum);
        boolean big = header.bigEndian;
        long[][] raw = new long[header.shnum][];
        for (int i = 0; i < header.shnum; i++) {
            int o = i * header.shentsize;
            raw[i] = header.is64
                    ? new long[] {u(table, o, 4, big), u(table, o + 8, 8, big), u(table, o + 16, 8, big),
                            u(table, o + 24, 8, big), u(table, o + 32, 8, big), u(table, o + 4, 4, big)}
                    : new long[] {u(table, o, 4, big), u(table, o + 8, 4, big), u(table, o + 12, 4, big),
                            u(table, o + 16, 4, big), u(table, o + 20, 4, big), u(table, o + 4, 4, big)};
        }
        if (header.shstrndx >= header.shnum) {
            throw new MalformedBinaryException("section name table index " + header.shstrndx + " is out of range");
        }
        long[] strtab = raw[header.shstrndx];
        if (strtab[4] > MAX_NAMES) {
            throw new MalformedBinaryException("section name table of " + strtab[4] + " bytes");
        }
        byte[] names = bytes.read(strtab[3], (int) strtab[4]);
        List<Section> out = new ArrayList<>(header.shnum);
        for (long[] s : raw) {
            long type = s[5];
            // SHT_NOBITS (8) occupies no file bytes; its offset and size say nothing about the file.
            long fileSize = type == 8 ? 0 : s[4];
            out.add(new Section(name(names, s[0]), s[1], s[2], s[3], fileSize));
        }
        return List.copyOf(out);
    }

    private static String name(byte[] names, long at) {
        if (at < 0 || at >= names.length) {
            return "";
        }
        int end = (int) at;
        while (end < names.length && names[end] != 0) {
            end++;
        }
        return new String(names, (int) at, end - (int) at, StandardCharsets.ISO_8859_1);
    }

    /** Reads {@code len} bytes at virtual address {@code vaddr}, which must lie in the file part of one segment. */
    public byte[] readAddress(long vaddr, int len) throws IOException {
        for (Segment s : segments) {
            if (s.type == PT_LOAD && vaddr >= s.vaddr && vaddr - s.vaddr <= s.fileSize - len) {
                return bytes.read(s.offset + (vaddr - s.vaddr), len);
            }
        }
        throw new MalformedBinaryException("address 0x" + Long.toHexString(vaddr) + " is in no loaded segment");
    }

    /** An unsigned little- or big-endian integer of {@code width} bytes; 8-byte values over 2^63 turn negative. */
    public static long u(byte[] b, int off, int width, boolean bigEndian) {
        if (off < 0 || off + width > b.length) {
            throw new MalformedBinaryException("truncated ELF structure");
        }
        long v = 0;
        for (int i = 0; i < width; i++) {
            int byteAt = bigEndian ? off + i : off + width - 1 - i;
            v = (v << 8) | (b[byteAt] & 0xff);
        }
        return v;
    }
}
