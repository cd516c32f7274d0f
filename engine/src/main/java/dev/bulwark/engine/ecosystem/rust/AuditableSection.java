package dev.bulwark.engine.ecosystem.rust;

import dev.bulwark.engine.catalog.elf.ElfFile;
import dev.bulwark.engine.catalog.elf.CapturedRanges;
import dev.bulwark.engine.catalog.elf.MalformedBinaryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the {@code .dep-v0} section that {@code cargo auditable} links into a binary: zlib-compressed JSON (the
 * cargo-auditable format, rust-secure-code/cargo-auditable PARSING.md and cargo-auditable.schema.json). The section
 * is written without SHF_ALLOC, so in an ELF file it lies after every loaded segment, among the non-loaded sections
 * just before the section table: the file streams by once, and only that tail is kept.
 */
final class AuditableSection {
    static final int PREFIX = 64 << 10;
    /** Non-loaded sections kept after the last segment: the whole tail of a stripped binary. */
    static final long TAIL = 16 << 20;
    /** The section name table sits just before the section headers. */
    static final long END = 1 << 20;
    static final int MAX_COMPRESSED = 8 << 20;
    /** Real dependency lists are tens of KB: a bound against zlib bombs. */
    static final int MAX_JSON = 32 << 20;

    private AuditableSection() {
    }

    /** The decompressed JSON, or null when the file is not ELF or has no {@code .dep-v0} section. */
    static byte[] read(InputStream in, long declaredSize) throws IOException {
        byte[] prefix = in.readNBytes(PREFIX);
        if (!ElfFile.Header.isElf(prefix)) {
            return null;
        }
        long size = Math.max(declaredSize, prefix.length);
        ElfFile head = new ElfFile(CapturedRanges.capture(prefix, InputStream.nullInputStream(), size, List.of()));
        long loadEnd = 0;
        for (ElfFile.Segment s : head.segments()) {
            if (s.type() == ElfFile.PT_LOAD) {
                loadEnd = Math.max(loadEnd, s.offset() + s.fileSize());
            }
        }
        long[] table = head.header().sectionHeaders();
        if (table[1] - table[0] > END) {
            throw new MalformedBinaryException("section table of " + (table[1] - table[0]) + " bytes");
        }
        CapturedRanges captured = CapturedRanges.capture(prefix, in, size, List.of(
                new long[] {loadEnd, loadEnd + TAIL}, table, new long[] {size - END, size}));
        ElfFile elf = new ElfFile(captured);
        ElfFile.Section section = elf.section(".dep-v0");
        if (section == null) {
            return null;
        }
        if (section.size() > MAX_COMPRESSED) {
            throw new MalformedBinaryException(".dep-v0 section of " + section.size() + " bytes");
        }
        return inflate(captured.read(section.offset(), (int) section.size()));
    }

    static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 << 10];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedBinaryException(".dep-v0 section is truncated zlib data");
                }
                if (out.size() + n > MAX_JSON) {
                    throw new MalformedBinaryException(".dep-v0 section inflates to over " + MAX_JSON + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MalformedBinaryException(".dep-v0 section is not zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
