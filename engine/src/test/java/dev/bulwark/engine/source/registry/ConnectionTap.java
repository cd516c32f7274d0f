package dev.bulwark.engine.source.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only TCP relay on 127.0.0.1 in front of a registry: forwards every connection unchanged and remembers how
 * each began, so a test can tell whether a client opened TLS (a handshake record starts with byte 0x16) and what it
 * sent in the clear.
 */
final class ConnectionTap implements AutoCloseable {
    private static final int KEEP = 64 * 1024;

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<ByteArrayOutputStream> plainTexts = new ArrayList<>();
    private int connections;
    private int tlsHellos;

    /** {@code upstream} is host:port. */
    ConnectionTap(String upstream) throws IOException {
        int colon = upstream.lastIndexOf(':');
        this.upstreamHost = upstream.substring(0, colon);
        this.upstreamPort = Integer.parseInt(upstream.substring(colon + 1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "connection-tap");
        accept.setDaemon(true);
        accept.start();
    }

    String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    synchronized int connections() {
        return connections;
    }

    synchronized int tlsHellos() {
        return tlsHellos;
    }

    /** What clients sent on the connections that did not start with a TLS record, joined (at most 64 KiB each). */
    synchronized String plainText() {
        StringBuilder all = new StringBuilder();
        for (ByteArrayOutputStream b : plainTexts) {
            all.append(b.toString(StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                start(() -> relay(client, upstream, true));
                start(() -> relay(upstream, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "connection-tap-relay");
        t.setDaemon(true);
        t.start();
    }

    private void relay(Socket from, Socket to, boolean fromClient) {
        ByteArrayOutputStream seen = null;
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            boolean first = true;
            for (int n; (n = in.read(buf)) > 0; ) {
                if (fromClient && first) {
                    synchronized (this) {
                        connections++;
                        if (buf[0] == 0x16) {
                            tlsHellos++;
                        } else {
                            seen = new ByteArrayOutputStream();
                            plainTexts.add(seen);
                        }
                    }
                }
                first = false;
                if (seen != null) {
                    synchronized (this) {
                        seen.write(buf, 0, Math.max(0, Math.min(n, KEEP - seen.size())));
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // either side went away: the relay ends
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (this) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
