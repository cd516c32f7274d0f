package dev.bulwark.engine.layer;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/**
 * Opens a layer blob as an uncompressed tar stream, whatever its compression (gzip, zstd or none, recognised by
 * magic bytes rather than trusted media types), with the uncompressed size bounded so a decompression bomb stops
 * at a clear error instead of running forever.
 */
public final class LayerStreams {
    private static final int BUFFER = 1 << 16;

    private LayerStreams() {
    }

    /** The compression a blob starts with. */
    public enum Compression { GZIP, ZSTD, NONE }

    /** Sniffs the compression; {@code in} must support mark/reset. */
    public static Compression sniff(InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /**
     * The uncompressed stream of {@code blob}, which ends with a {@link LayerTooLargeException} once more than
     * {@code maxUncompressed} bytes come out.
     */
    public static InputStream uncompressed(InputStream blob, long maxUncompressed) throws IOException {
        return uncompressed(blob, maxUncompressed, null);
    }

    /**
     * As {@link #uncompressed(InputStream, long)}, also feeding every uncompressed byte to {@code diffIdDigest} (when
     * not null) so the caller can check the layer's diffID once the stream is read to its end.
     */
    public static InputStream uncompressed(InputStream blob, long maxUncompressed, MessageDigest diffIdDigest)
            throws IOException {
        BufferedInputStream buffered = blob instanceof BufferedInputStream b ? b : new BufferedInputStream(blob, BUFFER);
        InputStream raw = switch (sniff(buffered)) {
            case GZIP -> new GZIPInputStream(buffered, BUFFER);
            case ZSTD -> new BufferedInputStream(new ZstdInputStream(buffered), BUFFER);
            case NONE -> buffered;
        };
        return new BoundedInputStream(raw, maxUncompressed, diffIdDigest);
    }

    /** Thrown when a layer expands past the configured limit. */
    public static final class LayerTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        LayerTooLargeException(long limit) {
            super("uncompressed layer exceeds the limit of " + limit + " bytes (decompression bomb?); raise it with"
                    + " --max-layer-size if the image is genuine");
        }
    }

    /** Counts, bounds and optionally hashes what passes through; skipping reads through for the same reasons. */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private final MessageDigest digest;
        private byte[] skipBuffer;
        private long count;

        BoundedInputStream(InputStream in, long limit, MessageDigest digest) {
            super(in);
            this.limit = limit;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new LayerTooLargeException(limit);
                }
                if (digest != null) {
                    digest.update(b, off, n);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (skipBuffer == null) {
                skipBuffer = new byte[BUFFER];
            }
            int r = read(skipBuffer, 0, (int) Math.min(n, BUFFER));
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
