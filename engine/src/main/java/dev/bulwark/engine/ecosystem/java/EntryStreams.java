package dev.bulwark.engine.ecosystem.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * An entry's uncompressed content read out of its compressed bytes, never past the size its central directory record
 * declares: a record that understates its size (to slip a bomb past the budget) makes a malformed entry.
 */
final class EntryStreams {
    private EntryStreams() {
    }

    /** The entry's content as a stream that fails once it yields more than {@code declared} bytes. */
    static InputStream open(ArchiveSlice data, CentralDirectory.Entry e) throws ZipException {
        InputStream raw = data.stream();
        return switch (e.method()) {
            case CentralDirectory.STORED -> {
                if (e.compressedSize() != e.size()) {
                    throw new ZipException("stored entry with compressed size " + e.compressedSize() + " and size "
                            + e.size());
                }
                yield raw;
            }
            case CentralDirectory.DEFLATED -> capped(new InflaterInputStream(raw, new Inflater(true), 8192) {
                @Override
                public void close() throws IOException {
                    inf.end();
                    super.close();
                }
            }, e.size());
            default -> throw new ZipException("unsupported compression method " + e.method());
        };
    }

    /** The whole content of an entry of at most {@code limit} declared bytes, in heap. */
    static byte[] readAll(ArchiveSlice data, CentralDirectory.Entry e) throws IOException {
        try (InputStream in = open(data, e)) {
            byte[] out = in.readNBytes((int) e.size());
            if (out.length != e.size()) {
                throw new ZipException("entry ends after " + out.length + " of its " + e.size() + " bytes");
            }
            return out;
        }
    }

    private static InputStream capped(InputStream in, long declared) {
        return new FilterInputStream(in) {
            private long left = declared;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (left == 0) {
                    if (super.read(b, off, 1) >= 0) {
                        throw new ZipException("entry inflates past its declared " + declared + " bytes");
                    }
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
