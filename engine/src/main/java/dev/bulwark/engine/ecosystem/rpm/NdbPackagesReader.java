package dev.bulwark.engine.ecosystem.rpm;

import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * Reads rpm's own NDB {@code Packages.db} (rpm 4.16+, SUSE's default). The file starts with a 32-byte header and
 * {@code slotnpages} 4 KiB pages of 16-byte slots (pkgidx, blkoff, blkcnt); each used slot points at a blob in
 * 16-byte blocks framed by a head ({@code BlbS}, pkgidx, timestamp, length) and a tail (adler32 of head, data and
 * padding; length; {@code BlbE}). All integers are little-endian. Layout as in rpm's lib/backend/ndb/rpmpkg.c.
 */
final class NdbPackagesReader implements RpmDatabaseReader {
    private static final int MAGIC = magic('R', 'p', 'm', 'P');
    private static final int SLOT_MAGIC = magic('S', 'l', 'o', 't');
    private static final int BLOB_HEAD_MAGIC = magic('B', 'l', 'b', 'S');
    private static final int BLOB_TAIL_MAGIC = magic('B', 'l', 'b', 'E');
    private static final int PAGE_SIZE = 4096;
    private static final int SLOT_SIZE = 16;
    private static final int BLOCK_SIZE = 16;
    private static final int HEADER_SIZE = 32;
    private static final int BLOB_HEAD_SIZE = 16;
    private static final int BLOB_TAIL_SIZE = 12;

    static boolean hasMagic(RandomAccessBytes db) throws IOException {
        return le(db.read(0, 4), 0) == MAGIC;
    }

    @Override
    public void read(RandomAccessBytes db, HeaderBlobSink sink) throws IOException {
        byte[] header = db.read(0, HEADER_SIZE);
        if (le(header, 0) != MAGIC) {
            throw new MalformedDatabaseException("not an NDB Packages.db (bad magic)");
        }
        int version = le(header, 4);
        if (version != 0) {
            throw new MalformedDatabaseException("unsupported NDB version " + Integer.toUnsignedString(version));
        }
        long slotPages = Integer.toUnsignedLong(le(header, 12));
        if (slotPages == 0 || slotPages * PAGE_SIZE > db.size()) {
            throw new MalformedDatabaseException("NDB slot page count " + slotPages + " does not fit the file");
        }
        long firstDataBlock = slotPages * (PAGE_SIZE / BLOCK_SIZE);
        long fileBlocks = db.size() / BLOCK_SIZE;
        byte[] page = new byte[PAGE_SIZE];
        for (long p = 0; p < slotPages; p++) {
            db.read(p * PAGE_SIZE, page, 0, PAGE_SIZE);
            for (int o = p == 0 ? HEADER_SIZE : 0; o < PAGE_SIZE; o += SLOT_SIZE) {
                long slotNo = p * (PAGE_SIZE / SLOT_SIZE) + o / SLOT_SIZE;
                if (le(page, o) != SLOT_MAGIC) {
                    sink.skipped("NDB slot " + slotNo + " has no slot magic");
                    continue;
                }
                long blockOffset = Integer.toUnsignedLong(le(page, o + 8));
                if (blockOffset == 0) {
                    continue;
                }
                if (!sink.wantsMore()) {
                    return;
                }
                int pkgIdx = le(page, o + 4);
                long blockCount = Integer.toUnsignedLong(le(page, o + 12));
                String problem = blockOffset < firstDataBlock || blockCount < 2
                        || blockOffset + blockCount > fileBlocks
                        ? "points at blocks " + blockOffset + "+" + blockCount + " outside the data area"
                        : null;
                byte[] blob = problem == null ? readBlob(db, pkgIdx, blockOffset, blockCount) : null;
                if (blob != null) {
                    sink.blob(blob);
                } else {
                    sink.skipped("NDB slot " + slotNo + " (package index " + Integer.toUnsignedString(pkgIdx) + ") "
                            + (problem == null ? "has a damaged blob" : problem));
                }
            }
        }
    }

    /** The blob's header data, or null when its framing or checksum is wrong. */
    private static byte[] readBlob(RandomAccessBytes db, int pkgIdx, long blockOffset, long blockCount)
            throws IOException {
        long start = blockOffset * BLOCK_SIZE;
        byte[] head = db.read(start, BLOB_HEAD_SIZE);
        long length = Integer.toUnsignedLong(le(head, 12));
        if (le(head, 0) != BLOB_HEAD_MAGIC || le(head, 4) != pkgIdx || length > MAX_BLOB
                || blockCount != (BLOB_HEAD_SIZE + length + BLOB_TAIL_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE) {
            return null;
        }
        byte[] whole = db.read(start, (int) (blockCount * BLOCK_SIZE));
        int tail = whole.length - BLOB_TAIL_SIZE;
        Adler32 adler = new Adler32();
        adler.update(whole, 0, tail);
        if (le(whole, tail) != (int) adler.getValue() || Integer.toUnsignedLong(le(whole, tail + 4)) != length
                || le(whole, tail + 8) != BLOB_TAIL_MAGIC) {
            return null;
        }
        return Arrays.copyOfRange(whole, BLOB_HEAD_SIZE, BLOB_HEAD_SIZE + (int) length);
    }

    private static int magic(char a, char b, char c, char d) {
        return a | b << 8 | c << 16 | d << 24;
    }

    private static int le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
