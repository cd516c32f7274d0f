package dev.bulwark.engine.ecosystem.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the uncompressed bytes read out of one archive (and, through its parent, out of the whole file) and stops
 * the read when a bound is passed, naming the budget that ran out so the walker gives up the right archive.
 */
final class ArchiveBudget {
    private final ArchiveBudget parent;
    private final long limit;
    private final String what;
    private long used;

    ArchiveBudget(ArchiveBudget parent, long limit, String what) {
        this.parent = parent;
        this.limit = limit;
        this.what = what;
    }

    void spend(long bytes) throws Exhausted {
        used += bytes;
        if (used > limit) {
            throw new Exhausted(this);
        }
        if (parent != null) {
            parent.spend(bytes);
        }
    }

    long limit() {
        return limit;
    }

    String what() {
        return what;
    }

    /** {@code in}, counted against this budget. */
    InputStream meter(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    spend(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    spend(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                int r = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
                return Math.max(r, 0);
            }

            @Override
            public void close() {
                // the archive stream below belongs to the enclosing walker
            }
        };
    }

    /** A budget ran out: the archive it belongs to is given up, with a warning. */
    static final class Exhausted extends IOException {
        private static final long serialVersionUID = 1L;
        final transient ArchiveBudget budget;

        Exhausted(ArchiveBudget budget) {
            super(budget.what + " expands past " + budget.limit + " bytes (zip bomb?)");
            this.budget = budget;
        }
    }
}
