package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.elf.ElfFile;
import dev.bulwark.engine.catalog.elf.CapturedRanges;
import dev.bulwark.engine.catalog.elf.SpooledBinary;
import dev.bulwark.engine.catalog.elf.MalformedBinaryException;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.WarningSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads as little of a candidate file as it takes to get its Go build information. The first 64 KB hold the ELF
 * header, the program headers and the notes. A binary with a Go build ID note is spooled whole, so that both blob
 * formats and the section table can be read at any offset. Any other ELF file (which includes Go binaries linked
 * with an empty build ID) is read forward once, keeping only the start of its first writable segment, where a Go
 * 1.18+ blob would be: an ordinary C binary costs no spooling at all.
 */
final class GoBinaryReader {
    static final int PREFIX = 64 << 10;
    /** Real Go binaries reach a few hundred MB with debug information. */
    static final long SPOOL_LIMIT = 1L << 30;
    private static final int NOTE_GO_BUILD_ID = 4;

    private GoBinaryReader() {
    }

    /** The raw build information, or null when the file is not a Go binary (or not ELF at all). */
    static BuildInfoLocator.RawBuildInfo read(CatalogFile file, WarningSink warnings) throws IOException {
        InputStream in = file.content();
        byte[] prefix = in.readNBytes(PREFIX);
        if (!ElfFile.Header.isElf(prefix)) {
            return null;
        }
        long size = Math.max(file.size(), prefix.length);
        ElfFile head = new ElfFile(CapturedRanges.capture(prefix, InputStream.nullInputStream(), size, List.of()));
        if (hasGoNote(head)) {
            try (SpooledBinary whole = SpooledBinary.spool(prefix, in, SPOOL_LIMIT)) {
                ElfFile elf = new ElfFile(whole);
                BuildInfoLocator.Region region;
                try {
                    region = BuildInfoLocator.region(elf, true);
                } catch (MalformedBinaryException e) {
                    warnings.warn("go-binary.malformed-sections", file.path() + ": section table unreadable ("
                            + e.getMessage() + "); searched the data segment instead");
                    region = BuildInfoLocator.region(elf, false);
                }
                return region == null ? null : BuildInfoLocator.read(elf, region);
            }
        }
        BuildInfoLocator.Region region = BuildInfoLocator.region(head, false);
        if (region == null) {
            return null;
        }
        long end = region.offset() + Math.min(region.size(), BuildInfoLocator.MAX_SEARCH);
        CapturedRanges captured = CapturedRanges.capture(prefix, in, size,
                List.<long[]>of(new long[] {region.offset(), end}));
        try {
            return BuildInfoLocator.read(new ElfFile(captured), region);
        } catch (MalformedBinaryException e) {
            // Without a Go build ID note this is most likely not a Go binary at all (C programs are the usual
            // case): nothing to report, and no warning, or every C binary of an image would raise one.
            return null;
        }
    }

    /** Whether a note segment in the first bytes holds the Go build ID ({@code "Go"}, type 4). */
    static boolean hasGoNote(ElfFile elf) throws IOException {
        boolean big = elf.header().bigEndian();
        for (ElfFile.Segment s : elf.segments()) {
            if (s.type() != ElfFile.PT_NOTE || s.offset() + s.fileSize() > PREFIX) {
                continue;
            }
            byte[] notes;
            try {
                notes = elf.bytes().read(s.offset(), (int) s.fileSize());
            } catch (MalformedBinaryException e) {
                continue; // the file is shorter than its note segment: a truncated file has no note to find
            }
            int at = 0;
            while (at + 12 <= notes.length) {
                long nameSize = ElfFile.u(notes, at, 4, big);
                long descSize = ElfFile.u(notes, at + 4, 4, big);
                long type = ElfFile.u(notes, at + 8, 4, big);
                long next = at + 12 + align4(nameSize) + align4(descSize);
                if (nameSize == 4 && type == NOTE_GO_BUILD_ID && at + 16 <= notes.length
                        && notes[at + 12] == 'G' && notes[at + 13] == 'o' && notes[at + 14] == 0) {
                    return true;
                }
                if (next > notes.length) {
                    break;
                }
                at = (int) next;
            }
        }
        return false;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }
}
