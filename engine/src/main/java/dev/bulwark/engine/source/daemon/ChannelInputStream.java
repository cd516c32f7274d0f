package dev.bulwark.engine.source.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Reads a non-blocking socket channel with an idle timeout. A unix-domain SocketChannel has no SO_TIMEOUT, so a
 * selector is the only way to stop waiting on an engine that stopped talking.
 */
final class ChannelInputStream extends InputStream {
    private final SocketChannel channel;
    private final Selector selector;
    private final long timeoutMillis;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 << 10).flip();
    private boolean eof;

    ChannelInputStream(SocketChannel channel, Selector selector, long timeoutMillis) {
        this.channel = channel;
        this.selector = selector;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }

    private boolean fill() throws IOException {
        if (buffer.hasRemaining()) {
            return true;
        }
        if (eof) {
            return false;
        }
        buffer.clear();
        try {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (true) {
                int n = channel.read(buffer);
                if (n > 0) {
                    return true;
                }
                if (n < 0) {
                    eof = true;
                    return false;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("no data from the engine for " + timeoutMillis + " ms");
                }
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                selector.select(left);
                selector.selectedKeys().clear();
                key.interestOps(0);
            }
        } finally {
            buffer.flip();
        }
    }
}
