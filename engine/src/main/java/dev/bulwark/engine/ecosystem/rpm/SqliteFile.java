package dev.bulwark.engine.ecosystem.rpm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A read-only view of an SQLite 3 database file: the 100-byte header, pages, and a walk over the rows of one table
 * b-tree with each row's payload gathered from its overflow pages. Every page number is checked against the file,
 * every page is visited at most once per walk (so loops in the tree or in overflow chains end) and the tree depth is
 * bounded. Layout as in SQLite's "Database File Format" document (sqlite.org/fileformat2.html).
 */
final class SqliteFile {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int LEAF_TABLE = 0x0d;
    private static final int INTERIOR_TABLE = 0x05;
    /** SQLite itself never builds trees deeper than about 20 levels, even for terabyte files. */
    private static final int MAX_DEPTH = 40;

    /** Rows of one table, in rowid order. */
    interface RowVisitor {
        boolean wantsMore();

        void row(long rowid, byte[] payload);

        void skipped(String reason);
    }

    private final RandomAccessBytes db;
    private final int pageSize;
    private final int usable;
    private final long pageCount;
    private final int textEncoding;

    SqliteFile(RandomAccessBytes db) throws IOException {
        this.db = db;
        if (db.size() < 100 || !hasMagic(db)) {
            throw new MalformedDatabaseException("not an SQLite 3 database (bad magic)");
        }
        byte[] header = db.read(0, 100);
        int size = u16(header, 16);
        pageSize = size == 1 ? 65536 : size;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new MalformedDatabaseException("SQLite page size " + pageSize + " is not a power of two from 512"
                    + " to 65536");
        }
        usable = pageSize - (header[20] & 0xff);
        if (usable < 480) {
            throw new MalformedDatabaseException("SQLite reserves too much of each page (" + (header[20] & 0xff)
                    + " bytes)");
        }
        pageCount = db.size() / pageSize;
        textEncoding = (int) u32(header, 56);
    }

    static boolean hasMagic(RandomAccessBytes db) throws IOException {
        return Arrays.equals(db.read(0, MAGIC.length), MAGIC);
    }

    /** 1 UTF-8, 2 UTF-16le, 3 UTF-16be, as the header records it. */
    int textEncoding() {
        return textEncoding;
    }

    /** Visits every row of the table b-tree rooted at {@code rootPage}; rows over {@code maxPayload} are skipped. */
    void walkTable(long rootPage, int maxPayload, RowVisitor visitor) throws IOException {
        walk(rootPage, 0, new BitSet(), maxPayload, visitor);
    }

    private void walk(long pageNo, int depth, BitSet visited, int maxPayload, RowVisitor visitor) throws IOException {
        if (!visitor.wantsMore()) {
            return;
        }
        String problem = checkPage(pageNo, visited);
        if (problem == null && depth > MAX_DEPTH) {
            problem = "b-tree is deeper than " + MAX_DEPTH + " levels";
        }
        if (problem != null) {
            visitor.skipped(problem);
            return;
        }
        byte[] page = db.read((pageNo - 1) * pageSize, pageSize);
        int hdr = pageNo == 1 ? 100 : 0;
        int type = page[hdr] & 0xff;
        int cells = u16(page, hdr + 3);
        int pointers = hdr + (type == INTERIOR_TABLE ? 12 : 8);
        if (type != LEAF_TABLE && type != INTERIOR_TABLE) {
            visitor.skipped("page " + pageNo + " is not a table b-tree page (type " + type + ")");
            return;
        }
        if (pointers + 2 * cells > usable) {
            visitor.skipped("page " + pageNo + " claims " + cells + " cells, more than fit");
            return;
        }
        for (int i = 0; i < cells && visitor.wantsMore(); i++) {
            int cell = u16(page, pointers + 2 * i);
            // An interior cell starts with a 4-byte child page number; a leaf cell is checked varint by varint.
            if (cell < pointers + 2 * cells || cell + (type == INTERIOR_TABLE ? 4 : 1) > usable) {
                visitor.skipped("page " + pageNo + " cell " + i + " lies outside the page");
            } else if (type == INTERIOR_TABLE) {
                walk(u32(page, cell), depth + 1, visited, maxPayload, visitor);
            } else {
                leafCell(pageNo, page, cell, visited, maxPayload, visitor);
            }
        }
        if (type == INTERIOR_TABLE) {
            walk(u32(page, hdr + 8), depth + 1, visited, maxPayload, visitor);
        }
    }

    private String checkPage(long pageNo, BitSet visited) {
        if (pageNo < 1 || pageNo > pageCount) {
            return "points at page " + pageNo + ", outside the " + pageCount + "-page file";
        }
        if (visited.get((int) pageNo)) {
            return "reaches page " + pageNo + " twice (a loop)";
        }
        visited.set((int) pageNo);
        return null;
    }

    private void leafCell(long pageNo, byte[] page, int cell, BitSet visited, int maxPayload, RowVisitor visitor)
            throws IOException {
        SqliteRecord.Cursor cursor = new SqliteRecord.Cursor(page, cell, usable);
        long payloadSize;
        long rowid;
        try {
            payloadSize = cursor.varint();
            rowid = cursor.varint();
        } catch (MalformedDatabaseException e) {
            visitor.skipped("page " + pageNo + " cell at " + cell + ": " + e.getMessage());
            return;
        }
        if (payloadSize < 0 || payloadSize > maxPayload) {
            visitor.skipped("row " + rowid + " has a payload of " + payloadSize + " bytes, over the limit of "
                    + maxPayload);
            return;
        }
        int total = (int) payloadSize;
        int local = localSize(total);
        int at = cursor.position();
        boolean overflows = local < total;
        if (at + local + (overflows ? 4 : 0) > usable) {
            visitor.skipped("row " + rowid + " on page " + pageNo + " runs past the page end");
            return;
        }
        byte[] payload = new byte[total];
        System.arraycopy(page, at, payload, 0, local);
        int filled = local;
        long next = overflows ? u32(page, at + local) : 0;
        while (filled < total) {
            String problem = checkPage(next, visited);
            if (problem != null) {
                visitor.skipped("overflow chain of row " + rowid + " " + problem);
                return;
            }
            byte[] overflow = db.read((next - 1) * pageSize, pageSize);
            int chunk = Math.min(usable - 4, total - filled);
            System.arraycopy(overflow, 4, payload, filled, chunk);
            filled += chunk;
            next = u32(overflow, 0);
        }
        visitor.row(rowid, payload);
    }

    /** How much of a table-leaf payload of {@code total} bytes is stored on the b-tree page itself. */
    private int localSize(int total) {
        int maxLocal = usable - 35;
        if (total <= maxLocal) {
            return total;
        }
        int minLocal = (usable - 12) * 32 / 255 - 23;
        int k = minLocal + (total - minLocal) % (usable - 4);
        return k <= maxLocal ? k : minLocal;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
