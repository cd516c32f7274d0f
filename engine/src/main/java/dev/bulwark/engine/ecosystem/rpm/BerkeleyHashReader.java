package dev.bulwark.engine.ecosystem.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the classic rpm {@code Packages} file, a Berkeley DB hash database (db 4.x/5.x page layout), in the byte
 * order it was written in. Rather than following hash buckets it scans every hash page in file order, as a
 * read-only reader may: each key/value pair is one package, whose value sits inline or, as nearly always, on a chain
 * of overflow pages. Layout as in Berkeley DB's dbinc/db_page.h and dbinc/hash.h.
 */
final class BerkeleyHashReader implements RpmDatabaseReader {
    private static final int HASH_MAGIC = 0x061561;
    private static final int PAGE_HEADER = 26;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;
    private static final int HOFFPAGE_SIZE = 12;

    static boolean hasMagic(RandomAccessBytes db) throws IOException {
        return order(db.read(0, 512)) != null;
    }

    /** The byte order the database was written in, told by which way round its magic reads, or null. */
    private static ByteOrder order(byte[] meta) {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            if (ByteBuffer.wrap(meta).order(o).getInt(12) == HASH_MAGIC) {
                return o;
            }
        }
        return null;
    }

    @Override
    public void read(RandomAccessBytes db, HeaderBlobSink sink) throws IOException {
        byte[] metaBytes = db.read(0, 512);
        ByteOrder order = order(metaBytes);
        if (order == null) {
            throw new MalformedDatabaseException("not a Berkeley DB hash database (bad magic)");
        }
        ByteBuffer meta = ByteBuffer.wrap(metaBytes).order(order);
        int pageSize = meta.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new MalformedDatabaseException("Berkeley DB page size " + pageSize + " is not a power of two "
                    + "from 512 to 65536");
        }
        if (meta.get(24) != 0) {
            throw new MalformedDatabaseException("Berkeley DB file is encrypted");
        }
        if (meta.get(25) != P_HASHMETA) {
            throw new MalformedDatabaseException("Berkeley DB metadata page has type " + meta.get(25)
                    + ", not hash metadata");
        }
        long pageCount = Math.min(Integer.toUnsignedLong(meta.getInt(32)) + 1, db.size() / pageSize);
        Pages pages = new Pages(db, pageSize, pageCount, order);
        for (long p = 1; p < pageCount && sink.wantsMore(); p++) {
            ByteBuffer page = pages.page(p);
            int type = page.get(25);
            if (type == P_HASH || type == P_HASH_UNSORTED) {
                readHashPage(pages, p, page, sink);
            }
        }
    }

    private static void readHashPage(Pages pages, long pageNo, ByteBuffer page, HeaderBlobSink sink)
            throws IOException {
        int entries = Short.toUnsignedInt(page.getShort(20));
        int indexEnd = PAGE_HEADER + 2 * entries;
        if (entries % 2 != 0 || indexEnd > pages.size) {
            sink.skipped("hash page " + pageNo + " has an invalid entry count " + entries);
            return;
        }
        for (int i = 0; i + 1 < entries && sink.wantsMore(); i += 2) {
            Item key = item(page, pages.size, indexEnd, i);
            Item value = item(page, pages.size, indexEnd, i + 1);
            if (key == null || value == null) {
                sink.skipped("hash page " + pageNo + " entry " + i / 2 + " lies outside the page");
            } else if (isCounterRecord(page, key)) {
                continue;
            } else if (value.type == H_KEYDATA) {
                byte[] blob = new byte[value.length - 1];
                page.get(value.offset + 1, blob);
                sink.blob(blob);
            } else if (value.type == H_OFFPAGE && value.length >= HOFFPAGE_SIZE) {
                readOverflow(pages, page.getInt(value.offset + 4), page.getInt(value.offset + 8), sink);
            } else {
                sink.skipped("hash page " + pageNo + " entry " + i / 2 + " has unsupported item type " + value.type);
            }
        }
    }

    /** rpm keeps its next-instance counter under the all-zero key; it is no package. */
    private static boolean isCounterRecord(ByteBuffer page, Item key) {
        return key.type == H_KEYDATA && key.length == 5 && page.getInt(key.offset + 1) == 0;
    }

    private record Item(int type, int offset, int length) {
    }

    /** Item {@code index} of a hash page; items fill the page from its end, each ending where the previous starts. */
    private static Item item(ByteBuffer page, int pageSize, int indexEnd, int index) {
        int offset = Short.toUnsignedInt(page.getShort(PAGE_HEADER + 2 * index));
        int end = index == 0 ? pageSize : Short.toUnsignedInt(page.getShort(PAGE_HEADER + 2 * (index - 1)));
        if (offset < indexEnd || end > pageSize || end <= offset) {
            return null;
        }
        return new Item(page.get(offset), offset, end - offset);
    }

    private static void readOverflow(Pages pages, int firstPage, int totalLength, HeaderBlobSink sink)
            throws IOException {
        long length = Integer.toUnsignedLong(totalLength);
        if (length > MAX_BLOB) {
            sink.skipped("overflow value of " + length + " bytes is over the limit of " + MAX_BLOB);
            return;
        }
        byte[] blob = new byte[(int) length];
        int filled = 0;
        long pageNo = Integer.toUnsignedLong(firstPage);
        Set<Long> visited = new HashSet<>();
        while (filled < blob.length) {
            if (pageNo < 1 || pageNo >= pages.count) {
                sink.skipped("overflow chain points at page " + pageNo + ", outside the " + pages.count
                        + "-page file");
                return;
            }
            if (!visited.add(pageNo)) {
                sink.skipped("overflow chain loops back to page " + pageNo);
                return;
            }
            ByteBuffer page = pages.page(pageNo);
            int onPage = Short.toUnsignedInt(page.getShort(22));
            if (page.get(25) != P_OVERFLOW || onPage == 0 || onPage > pages.size - PAGE_HEADER
                    || onPage > blob.length - filled) {
                sink.skipped("overflow page " + pageNo + " is damaged");
                return;
            }
            page.get(PAGE_HEADER, blob, filled, onPage);
            filled += onPage;
            pageNo = Integer.toUnsignedLong(page.getInt(16));
        }
        sink.blob(blob);
    }

    /** Page access in the database's byte order, each page number checked against the file. */
    private static final class Pages {
        final RandomAccessBytes db;
        final int size;
        final long count;
        final ByteOrder order;

        Pages(RandomAccessBytes db, int size, long count, ByteOrder order) {
            this.db = db;
            this.size = size;
            this.count = count;
            this.order = order;
        }

        ByteBuffer page(long pageNo) throws IOException {
            return ByteBuffer.wrap(db.read(pageNo * size, size)).order(order);
        }
    }
}
