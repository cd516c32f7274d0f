package dev.bulwark.engine.advisory.osv;

import dev.bulwark.engine.advisory.AdvisorySink;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Streams the {@code *.json} entries of a zip into the record parser. Zip bombs are stopped by three bounds: the
 * inflated size of each entry, the number of entries, and the ratio of inflated to compressed bytes once more than
 * {@link #RATIO_FLOOR} bytes were inflated. Exceeding one abandons the rest of the archive with a warning, because
 * skipping an entry in a stream means inflating it.
 */
final class OsvZipReader {
    static final int MAX_ENTRIES = 5_000_000;
    static final long RATIO_FLOOR = 64L << 20;
    static final long MAX_RATIO = 100;

    private OsvZipReader() {
    }

    static void read(InputStream raw, String origin, AdvisorySink sink) throws IOException {
        CountingStream counted = new CountingStream(new BufferedInputStream(raw, 1 << 16));
        ZipInputStream zip = new ZipInputStream(counted);
        long inflated = 0;
        int entries = 0;
        byte[] buf = new byte[1 << 16];
        while (true) {
            ZipEntry entry;
            try {
                entry = zip.getNextEntry();
            } catch (EOFException | ZipException e) {
                sink.warn("osv.zip-truncated", origin + ": " + e.getMessage() + " after " + entries
                        + " entries; the rest is missing");
                return;
            }
            if (entry == null) {
                return;
            }
            if (++entries > MAX_ENTRIES) {
                sink.warn("osv.zip-bomb", origin + ": more than " + MAX_ENTRIES + " entries; the rest is ignored");
                return;
            }
            if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                continue;
            }
            String where = origin + "!" + entry.getName();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                int n;
                while ((n = zip.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    inflated += n;
                    if (out.size() > OsvRecordParser.MAX_RECORD_BYTES) {
                        sink.warn("osv.zip-bomb", where + ": entry inflates past "
                                + OsvRecordParser.MAX_RECORD_BYTES + " bytes; the rest of the archive is ignored");
                        return;
                    }
                    if (inflated > RATIO_FLOOR && inflated / Math.max(1, counted.count) > MAX_RATIO) {
                        sink.warn("osv.zip-bomb", where + ": inflates more than " + MAX_RATIO
                                + " times its compressed size; the rest of the archive is ignored");
                        return;
                    }
                }
            } catch (EOFException | ZipException e) {
                sink.warn("osv.zip-truncated", where + ": " + e.getMessage() + "; the rest is missing");
                return;
            }
            OsvRecordParser.parse(out.toByteArray(), where, sink);
        }
    }

    /** Whether the last 64 KiB of the file hold a zip end-of-central-directory record. */
    static boolean hasEndRecord(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, (1 << 16) + 22);
            ByteBuffer b = ByteBuffer.allocate(tail);
            while (b.hasRemaining() && ch.read(b, size - tail + b.position()) > 0) {
                // reads the tail
            }
            byte[] a = b.array();
            for (int i = tail - 22; i >= 0; i--) {
                if (a[i] == 'P' && a[i + 1] == 'K' && a[i + 2] == 5 && a[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Counts the compressed bytes the zip reader consumes, for the inflation ratio. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
