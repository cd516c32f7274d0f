package dev.bulwark.engine.source.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Just enough HTTP/1.1 for an engine's REST API over a unix socket: one GET per connection ({@code Connection:
 * close}), Content-Length, chunked and read-to-close bodies, bounded heads, and connect and idle timeouts. Failures
 * are IOExceptions with a one-line message; the caller adds which engine and request they concern.
 */
final class UnixHttpClient {
    private final Path socket;
    private final long connectMillis;

    UnixHttpClient(Path socket, Duration connectTimeout) {
        this.socket = socket;
        this.connectMillis = Math.max(1, connectTimeout.toMillis());
    }

    Path socket() {
        return socket;
    }

    /**
     * Sends {@code GET path} (already percent-encoded) and reads the response head; the body is left to stream.
     *
     * @param idleTimeout how long any single read may wait for the engine, head and body alike
     */
    HttpResponse get(String path, Duration idleTimeout) throws IOException {
        long readMillis = Math.max(1, idleTimeout.toMillis());
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            connect(channel, selector);
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: bulwark\r\n"
                    + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            write(channel, selector, readMillis, request);
            InputStream in = new ChannelInputStream(channel, selector, readMillis);
            ResponseHead head = ResponseHead.read(in);
            return new HttpResponse(head, body(head, in));
        } catch (IOException | RuntimeException e) {
            if (selector != null) {
                selector.close();
            }
            channel.close();
            throw e;
        }
    }

    /** Connects, turning every failure into a ConnectException so callers can tell "unreachable" apart. */
    private void connect(SocketChannel channel, Selector selector) throws IOException {
        try {
            connectOrTimeout(channel, selector);
        } catch (ConnectException e) {
            throw e;
        } catch (IOException e) {
            ConnectException c = new ConnectException(e.getMessage() == null ? e.toString() : e.getMessage());
            c.initCause(e);
            throw c;
        }
    }

    private void connectOrTimeout(SocketChannel channel, Selector selector) throws IOException {
        if (channel.connect(UnixDomainSocketAddress.of(socket))) {
            return;
        }
        SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
        long deadline = System.nanoTime() + connectMillis * 1_000_000L;
        while (!channel.finishConnect()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("connect timed out after " + connectMillis + " ms");
            }
            selector.select(left);
            selector.selectedKeys().clear();
        }
        key.interestOps(0);
    }

    private static void write(SocketChannel channel, Selector selector, long readMillis, byte[] request)
            throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(request);
        long deadline = System.nanoTime() + readMillis * 1_000_000L;
        while (buf.hasRemaining()) {
            if (channel.write(buf) > 0) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("sending the request timed out after " + readMillis + " ms");
            }
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            selector.select(left);
            selector.selectedKeys().clear();
            key.interestOps(0);
        }
    }

    private static InputStream body(ResponseHead head, InputStream in) throws IOException {
        int status = head.status();
        if (status == 204 || status == 304) {
            return new FixedLengthBodyStream(in, 0);
        }
        String te = head.header("Transfer-Encoding");
        if (te != null) {
            if (!te.strip().equalsIgnoreCase("chunked")) {
                throw new HttpProtocolException("unsupported Transfer-Encoding \"" + ResponseHead.printable(te)
                        + "\" (only chunked)");
            }
            return new ChunkedBodyStream(in);
        }
        String cl = head.header("Content-Length");
        if (cl != null) {
            if (!cl.matches("[0-9]{1,18}")) {
                throw new HttpProtocolException("malformed Content-Length \"" + ResponseHead.printable(cl) + "\"");
            }
            return new FixedLengthBodyStream(in, Long.parseLong(cl));
        }
        return in; // Connection: close delimits the body
    }
}
