package dev.bulwark.engine.ecosystem.java;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipException;

/**
 * The central directory of a zip archive held in an {@link ArchiveSlice}: lets the walker open only the entries it
 * wants instead of inflating every class. {@link #open} reads the directory once, checking every record (signature,
 * entry count, every offset and size inside the file) before anything is used, so a corrupt directory is found
 * before any entry is read and the archive can be read front to back instead. That one pass keeps only the records
 * whose names may be wanted (archives, {@code pom.properties}, the manifest), with the declared sizes summed up to
 * each, so the walker neither revisits nor builds objects for the tens of thousands of classes of a fat jar's
 * libraries. Each entry's local header is checked against its directory record when the entry is opened.
 */
final class CentralDirectory {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final int CEN_SIZE = 46;
    private static final int LOC_SIZE = 30;

    /**
     * One central directory record; its name is decoded only when asked for.
     *
     * @param ordinal the record's place in the directory, from 0
     * @param sizeThrough the declared uncompressed sizes of the records up to and including this one, summed
     */
    record Entry(byte[] rawName, int flags, int method, long compressedSize, long size, long localOffset, int ordinal,
            long sizeThrough) {
        Entry(byte[] rawName, int flags, int method, long compressedSize, long size, long localOffset) {
            this(rawName, flags, method, compressedSize, size, localOffset, 0, size);
        }

        private static final byte[][] WANTED_SUFFIXES = {".jar".getBytes(StandardCharsets.US_ASCII),
            ".war".getBytes(StandardCharsets.US_ASCII), ".ear".getBytes(StandardCharsets.US_ASCII),
            ".par".getBytes(StandardCharsets.US_ASCII), "/pom.properties".getBytes(StandardCharsets.US_ASCII)};
        private static final byte[] MANIFEST = "META-INF/MANIFEST.MF".getBytes(StandardCharsets.US_ASCII);

        String name() {
            return new String(rawName, StandardCharsets.UTF_8);
        }

        /** A trailing {@code /} byte is a trailing {@code /} of the decoded name, and nothing else is. */
        boolean isDirectory() {
            return rawName.length > 0 && rawName[rawName.length - 1] == '/';
        }

        /**
         * False only when the name cannot be an archive, a {@code pom.properties} or the manifest, decided from the
         * bytes: an ASCII name decodes to the same characters, so the same suffix tests give the same answer
         * without building a String for each of the thousands of classes. Any non-ASCII name answers true, and is
         * decided on its decoded name (case-insensitive matching of non-ASCII characters is not byte-wise).
         */
        boolean mayBeWanted() {
            return mayBeWanted(rawName, 0, rawName.length);
        }

        /**
         * {@link #mayBeWanted()} for the name at {@code name[off, off + len)}. Every wanted name ends in {@code ar},
         * {@code es} or {@code mf} (any case), so two ASCII last bytes that end otherwise (a class's {@code ss}) decide
         * it at once: an ASCII byte is a whole character of the decoded name, and ASCII letters match
         * case-insensitively only ASCII letters.
         */
        static boolean mayBeWanted(byte[] name, int off, int len) {
            if (len >= 2) {
                int a = name[off + len - 2];
                int b = name[off + len - 1];
                if (a >= 0 && b >= 0) {
                    a |= 0x20;
                    b |= 0x20;
                    if (!(a == 'a' && b == 'r') && !(a == 'e' && b == 's') && !(a == 'm' && b == 'f')) {
                        return false;
                    }
                }
            }
            for (int i = off; i < off + len; i++) {
                if (name[i] < 0) {
                    return true;
                }
            }
            for (int i = 0; i < 4; i++) {
                if (endsWithIgnoreCase(name, off, len, WANTED_SUFFIXES[i])) {
                    return true;
                }
            }
            return endsWithIgnoreCase(name, off, len, WANTED_SUFFIXES[4]) || (len == MANIFEST.length
                    && endsWithIgnoreCase(name, off, len, MANIFEST));
        }

        private static boolean endsWithIgnoreCase(byte[] name, int off, int len, byte[] suffix) {
            int from = off + len - suffix.length;
            if (from < off) {
                return false;
            }
            for (int i = 0; i < suffix.length; i++) {
                int a = name[from + i];
                int b = suffix[i];
                if (a != b && ((a | 0x20) != (b | 0x20) || (b | 0x20) < 'a' || (b | 0x20) > 'z')) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ArchiveSlice archive;
    private final long start;
    private final long end;
    private final long base;
    private final int count;
    /** The archive's bytes, read in place: {@code bytes[heapAt + p]} is the archive's byte {@code p}. */
    private final byte[] bytes;
    private final int heapAt;
    /** The byte ranges of the entries opened so far (local header to data end), by start. */
    private final TreeMap<Long, Long> opened = new TreeMap<>();
    private final List<Entry> wanted = new ArrayList<>();
    private long cursor;
    private int read;
    private long sizeThrough;
    private long sizeOfFirst;

    private CentralDirectory(ArchiveSlice archive, long start, long end, long base, int count) {
        this.archive = archive;
        this.start = start;
        this.end = end;
        this.base = base;
        this.count = count;
        this.cursor = start;
        this.bytes = archive.heap();
        this.heapAt = archive.heapOffset();
    }

    /**
     * The directory of {@code archive}, or null when it has none this reader handles (no end record: truncated or
     * not a zip; zip64; multi-disk), for the caller to read the archive front to back.
     *
     * @param firstEntries how many records the caller will use at most ({@link #sizeOfFirst()} sums their sizes)
     * @throws ZipException the end record is there but the directory it points to is corrupt
     */
    static CentralDirectory open(ArchiveSlice archive, int firstEntries) throws IOException {
        long size = archive.size();
        if (size < EOCD_SIZE) {
            return null;
        }
        int tailLength = (int) Math.min(size, EOCD_SIZE + 0xffff);
        long tailStart = size - tailLength;
        // the archive's last bytes, searched in place (the end record is nearly always the last 22)
        byte[] tail = archive.heap();
        int tailAt = archive.heapOffset() + (int) tailStart;
        int eocd = -1;
        for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
            if (int32(tail, tailAt + i) == EOCD_SIG && i + EOCD_SIZE + uint16(tail, tailAt + i + 20) == tailLength) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return null;
        }
        int disk = uint16(tail, tailAt + eocd + 4);
        int cdDisk = uint16(tail, tailAt + eocd + 6);
        int entries = uint16(tail, tailAt + eocd + 10);
        long cdSize = uint32(tail, tailAt + eocd + 12);
        long cdOffset = uint32(tail, tailAt + eocd + 16);
        boolean zip64 = entries == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL
                || (eocd >= 20 && int32(tail, tailAt + eocd - 20) == ZIP64_LOCATOR_SIG);
        if (zip64 || disk != 0 || cdDisk != 0) {
            return null;
        }
        long eocdAt = tailStart + eocd;
        long cdStart = eocdAt - cdSize;
        // Data before the first entry (a launch script) shifts every offset; the directory's own position tells by
        // how much, as java.util.zip.ZipFile computes it.
        long base = cdStart - cdOffset;
        if (cdStart < 0 || base < 0) {
            throw new ZipException("the central directory (" + cdSize + " bytes at " + cdOffset
                    + ") lies outside the file");
        }
        CentralDirectory directory = new CentralDirectory(archive, cdStart, eocdAt, base, entries);
        while (directory.advance(firstEntries)) {
            // advance() validates each record and keeps the ones that may be wanted
        }
        if (directory.cursor != eocdAt) {
            throw new ZipException("the central directory holds " + (eocdAt - directory.cursor)
                    + " bytes after its " + entries + " entries");
        }
        if (entries <= firstEntries) {
            directory.sizeOfFirst = directory.sizeThrough;
        }
        return directory;
    }

    /** The number of entries the end record declares (all validated). */
    int count() {
        return count;
    }

    /** The records whose names may be wanted ({@link Entry#mayBeWanted()}), in directory order. */
    List<Entry> wanted() {
        return wanted;
    }

    /** The declared uncompressed sizes of the first {@code firstEntries} records given to {@link #open}, summed. */
    long sizeOfFirst() {
        return sizeOfFirst;
    }

    /** Validates the next record, keeps it if its name may be wanted, and moves past it; false after the last. */
    private boolean advance(int firstEntries) throws IOException {
        if (read == count) {
            return false;
        }
        if (cursor + CEN_SIZE > end) {
            throw new ZipException("the central directory ends after " + read + " of its " + count + " entries");
        }
        // cursor + CEN_SIZE <= end: the record's fixed part lies inside the directory, and so inside the archive
        int at = heapAt + (int) cursor;
        if (int32(bytes, at) != CEN_SIG) {
            throw new ZipException("central directory entry " + read + " has no valid signature");
        }
        int flags = uint16(bytes, at + 8);
        int method = uint16(bytes, at + 10);
        long compressed = uint32(bytes, at + 20);
        long size = uint32(bytes, at + 24);
        int nameLength = uint16(bytes, at + 28);
        int extraLength = uint16(bytes, at + 30);
        int commentLength = uint16(bytes, at + 32);
        long local = uint32(bytes, at + 42);
        long next = cursor + CEN_SIZE + nameLength + extraLength + commentLength;
        if (next > end) {
            throw new ZipException("central directory entry " + read + " runs past the directory's end");
        }
        if (compressed == 0xffffffffL || size == 0xffffffffL || local == 0xffffffffL) {
            throw new ZipException("central directory entry " + read + " needs zip64, which its end record "
                    + "does not declare");
        }
        if (base + local + LOC_SIZE > start || base + local + compressed > start) {
            throw new ZipException("central directory entry " + read + " points outside the entries' area");
        }
        int nameAt = at + CEN_SIZE; // next <= end: the name lies inside the directory too
        sizeThrough += size;
        if (Entry.mayBeWanted(bytes, nameAt, nameLength)) {
            wanted.add(new Entry(Arrays.copyOfRange(bytes, nameAt, nameAt + nameLength), flags, method, compressed,
                    size, local, read, sizeThrough));
        }
        cursor = next;
        read++;
        if (read == firstEntries) {
            sizeOfFirst = sizeThrough;
        }
        return true;
    }

    /**
     * The compressed bytes of {@code e}, after checking its local header: same name and method as the directory
     * says, the data inside the entries' area and overlapping no entry opened before.
     */
    ArchiveSlice data(Entry e) throws IOException {
        long loc = base + e.localOffset();
        byte[] header = archive.read(loc, LOC_SIZE);
        if (int32(header, 0) != LOC_SIG) {
            throw new ZipException("no local header where the central directory says (offset " + e.localOffset()
                    + ")");
        }
        int nameLength = uint16(header, 26);
        int extraLength = uint16(header, 28);
        if (uint16(header, 8) != e.method() || nameLength != e.rawName().length
                || !Arrays.equals(archive.read(loc + LOC_SIZE, Math.min(nameLength, (int) Math.max(0,
                start - loc - LOC_SIZE))), e.rawName())) {
            throw new ZipException("the local header disagrees with the central directory");
        }
        long dataStart = loc + LOC_SIZE + nameLength + extraLength;
        long dataEnd = dataStart + e.compressedSize();
        if (dataEnd > start) {
            throw new ZipException("the entry's data runs into the central directory");
        }
        // Many records sharing one run of bytes is how non-recursive zip bombs multiply their output.
        Map.Entry<Long, Long> below = opened.floorEntry(loc);
        Map.Entry<Long, Long> above = opened.ceilingEntry(loc);
        if ((below != null && below.getValue() > loc) || (above != null && above.getKey() < dataEnd)) {
            throw new ZipException("its bytes overlap another entry's (zip bomb?)");
        }
        opened.put(loc, dataEnd);
        return archive.slice(dataStart, e.compressedSize());
    }

    private static int uint16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return uint16(b, at) | uint16(b, at + 2) << 16;
    }

    private static long uint32(byte[] b, int at) {
        return int32(b, at) & 0xffffffffL;
    }
}
