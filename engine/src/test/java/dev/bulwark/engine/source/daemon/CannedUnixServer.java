package dev.bulwark.engine.source.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A unix-socket server for tests that answers each request with canned bytes chosen from the request line. A null
 * answer keeps the connection open and silent (to test timeouts) until the server closes.
 */
final class CannedUnixServer implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;
    private final Function<String, byte[]> answer;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private final boolean hangUp;

    CannedUnixServer(Path socket, Function<String, byte[]> answer) throws IOException {
        this(socket, answer, true);
    }

    /** @param hangUp whether to close the connection after the reply, or leave it open and silent */
    CannedUnixServer(Path socket, Function<String, byte[]> answer, boolean hangUp) throws IOException {
        this.socket = socket;
        this.answer = answer;
        this.hangUp = hangUp;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Answers every request with the same bytes. */
    static CannedUnixServer always(Path socket, String response) throws IOException {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return new CannedUnixServer(socket, line -> bytes);
    }

    Path socket() {
        return socket;
    }

    /** The request heads received so far, CRLFs included. */
    List<String> heads() {
        return heads;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                open.add(ch);
                Thread.ofVirtual().start(() -> serve(ch));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel ch) {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                one.clear();
                if (ch.read(one) < 0) {
                    return;
                }
                head.write(one.array()[0]);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            heads.add(text);
            byte[] reply = answer.apply(text.substring(0, text.indexOf("\r\n")));
            if (reply == null) {
                return; // stay silent; closed with the server
            }
            ByteBuffer out = ByteBuffer.wrap(reply);
            while (out.hasRemaining()) {
                ch.write(out);
            }
            if (hangUp) {
                ch.close();
            }
        } catch (IOException e) {
            // the client hung up first: fine for a canned server
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel ch : open) {
            ch.close();
        }
        acceptor.interrupt();
        Files.deleteIfExists(socket);
    }
}
