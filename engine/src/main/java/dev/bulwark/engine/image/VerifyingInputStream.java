package dev.bulwark.engine.image;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob through while hashing it; at end of stream checks the digest and the declared size, and refuses to
 * read past the declared size, so a hostile source can neither swap content nor stream forever.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Digest expected;
    private final long expectedSize;
    private final String what;
    private final MessageDigest md;
    private long count;
    private boolean verified;

    /**
     * @param expectedSize the declared size, or -1 when the source declares none (then only the digest is checked)
     * @param what names the blob in error messages, e.g. {@code "image app:1 layer 2 (sha256:...)"}
     */
    public VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String what) {
        super(in);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.what = what;
        this.md = expected.newMessageDigest();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (expectedSize >= 0 && count >= expectedSize) {
            // Probe for bytes beyond the declared size: there must be none.
            int extra = in.read();
            if (extra >= 0) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, what + ": blob is longer than its declared size "
                        + expectedSize);
            }
            verify();
            return -1;
        }
        int max = expectedSize >= 0 ? (int) Math.min(len, expectedSize - count) : len;
        int n = in.read(b, off, max);
        if (n < 0) {
            verify();
            return -1;
        }
        md.update(b, off, n);
        count += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 65536)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads whatever is left, so the digest is checked even when the consumer stopped early. */
    public void drainAndVerify() throws IOException {
        byte[] buf = new byte[65536];
        while (read(buf, 0, buf.length) >= 0) {
            // keep hashing
        }
    }

    private void verify() {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize >= 0 && count != expectedSize) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + ": blob is truncated (" + count + " of "
                    + expectedSize + " bytes)");
        }
        if (!expected.matches(md.digest())) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + ": content does not match digest " + expected);
        }
    }
}
