package dev.bulwark.engine.ecosystem.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A message digest computed on a thread of its own while the caller reads on: the SHA-1 of a large archive (a fat
 * jar's 136 MB) costs as much as reading everything nested in it, and the two need not wait for each other. Bytes are
 * copied into a few 1 MB chunks handed over through a bounded queue, so at most {@value #CHUNKS} MB are in flight
 * however fast the reader is. {@link #finish} waits for the digest; {@link #close} stops the thread when the read is
 * given up half-way.
 */
final class BackgroundDigest implements AutoCloseable {
    static final int CHUNKS = 4;
    private static final int CHUNK = 1 << 20;
    private static final Chunk END = new Chunk(new byte[0], 0, false);

    private record Chunk(byte[] data, int length, boolean recycled) {
    }

    private final MessageDigest digest;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread thread;
    private volatile RuntimeException failure;
    private byte[] current;
    private int filled;
    private boolean ended;

    BackgroundDigest(MessageDigest digest) {
        this.digest = digest;
        this.thread = Thread.ofPlatform().daemon().name("bulwark-archive-digest").start(this::run);
    }

    private void run() {
        while (true) {
            Chunk c;
            try {
                c = full.take();
            } catch (InterruptedException e) {
                return; // only close() interrupts, after giving up the read
            }
            if (c == END) {
                return;
            }
            if (failure == null) {
                try {
                    digest.update(c.data, 0, c.length);
                } catch (RuntimeException e) {
                    failure = e; // drained on, so the reader never blocks on a full queue
                }
            }
            if (c.recycled) {
                free.offer(c.data);
            }
        }
    }

    /** Digests {@code bytes} whole, without copying: the caller must not change them afterwards. */
    void updateShared(byte[] bytes) throws IOException {
        flush();
        put(new Chunk(bytes, bytes.length, false));
    }

    void update(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (current == null) {
                byte[] recycled = free.poll();
                current = recycled != null ? recycled : new byte[CHUNK];
                filled = 0;
            }
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, current, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == CHUNK) {
                flush();
            }
        }
    }

    /** {@code in}, every byte read through it digested here. */
    InputStream tee(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    update(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    update(buf, off, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                int r = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
                return Math.max(r, 0);
            }
        };
    }

    /** Waits for every byte given so far to be digested; the digest. */
    byte[] finish() throws IOException {
        flush();
        end();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
        if (failure != null) {
            throw failure;
        }
        return digest.digest();
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            thread.interrupt();
        }
    }

    private void flush() throws IOException {
        if (current != null && filled > 0) {
            put(new Chunk(current, filled, true));
            current = null;
        }
    }

    private void end() throws IOException {
        put(END);
        ended = true;
    }

    private void put(Chunk c) throws IOException {
        try {
            full.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }
}
