package dev.bulwark.engine.ecosystem.rpm;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a database stream into {@link RandomAccessBytes}: heap up to a few MB, a temp file beyond. */
final class SpooledDatabase {
    /** Small enough that several layers read in parallel stay well inside a 256 MB heap. */
    static final int HEAP_LIMIT = 4 << 20;
    /** Real rpm databases are tens of MB; far beyond that is hostile and would only fill the disk. */
    static final long SIZE_LIMIT = 1L << 30;

    private SpooledDatabase() {
    }

    static RandomAccessBytes spool(String path, InputStream in) throws IOException {
        return spool(path, in, SIZE_LIMIT);
    }

    static RandomAccessBytes spool(String path, InputStream in, long sizeLimit) throws IOException {
        byte[] head = in.readNBytes(HEAP_LIMIT + 1);
        if (head.length <= HEAP_LIMIT) {
            return new RandomAccessBytes.InHeap(head);
        }
        Path tmp = Files.createTempFile("bulwark-rpmdb-", ".spool");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(head);
                long total = head.length;
                byte[] buf = new byte[64 << 10];
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > sizeLimit) {
                        throw new BulwarkException(ErrorKind.INVALID_INPUT, path + " is over the limit of "
                                + sizeLimit + " bytes for an rpm database");
                    }
                    out.write(buf, 0, n);
                }
            }
            RandomAccessBytes spooled = new RandomAccessBytes.InTempFile(tmp);
            done = true;
            return spooled;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
