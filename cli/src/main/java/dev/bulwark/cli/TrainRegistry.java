package dev.bulwark.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A throwaway plain-HTTP registry on 127.0.0.1 for {@code bulwark train}: serves one OCI layout's blobs as repository
 * {@code train} with tag {@code 1}, behind a Bearer challenge whose token service wants Basic credentials, so a
 * training scan of {@code localhost:PORT/train:1} runs the registry client's whole path (the HTTPS attempt and the
 * plain-HTTP fallback for a loopback registry, the token request, manifest, config and layer blobs) and the startup
 * cache holds its classes. A TLS hello is answered with an HTTP 400, as the Distribution registry does, so the
 * client falls back at once. Never used for anything but training; it speaks just enough HTTP/1.1 for that.
 */
final class TrainRegistry implements AutoCloseable {
    static final String TOKEN = "train-token";
    private static final int MAX_HEAD = 16 << 10;
    private static final String UNAUTHORIZED = "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}";
    private static final String UNKNOWN = "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}";

    private final ServerSocket server;
    private final ExecutorService executor;
    private final Path blobs;
    private final String manifestDigest;

    TrainRegistry(Path layout, String manifestDigest) throws IOException {
        this.blobs = layout.resolve("blobs/sha256");
        this.manifestDigest = manifestDigest;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bulwark-train-registry");
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::accept);
    }

    /** {@code localhost:PORT}, a loopback registry name as users write it. */
    String host() {
        return "localhost:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            in.mark(1);
            if (in.read() == 0x16) { // a TLS handshake record: not spoken here
                respond(out, 400, "text/plain", "Client sent an HTTP request to an HTTPS server.\n".getBytes(
                        StandardCharsets.US_ASCII), Map.of(), true);
                return;
            }
            in.reset();
            while (true) {
                Map<String, String> headers = new HashMap<>();
                String requestLine = readHead(in, headers);
                if (requestLine == null) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                String path = parts.length > 1 ? parts[1] : "/";
                int q = path.indexOf('?');
                answer(out, q < 0 ? path : path.substring(0, q), headers);
            }
        } catch (IOException e) {
            // The client went away; training goes on.
        }
    }

    private void answer(OutputStream out, String path, Map<String, String> headers) throws IOException {
        String auth = headers.get("authorization");
        if (path.equals("/token")) {
            if (auth == null || !auth.startsWith("Basic ")) {
                respond(out, 401, "application/json", bytes(UNAUTHORIZED), Map.of(), false);
            } else {
                respond(out, 200, "application/json", bytes("{\"token\":\"" + TOKEN + "\"}"), Map.of(), false);
            }
            return;
        }
        if (!("Bearer " + TOKEN).equals(auth)) {
            respond(out, 401, "application/json", bytes(UNAUTHORIZED), Map.of("WWW-Authenticate", "Bearer realm=\""
                    + "http://" + host() + "/token\",service=\"train\",scope=\"repository:train:pull\""), false);
            return;
        }
        if (path.equals("/v2/")) {
            respond(out, 200, "application/json", bytes("{}"), Map.of(), false);
        } else if (path.equals("/v2/train/manifests/1")) {
            respond(out, 200, "application/vnd.oci.image.manifest.v1+json", blob(manifestDigest.substring(7)),
                    Map.of("Docker-Content-Digest", manifestDigest), false);
        } else if (path.startsWith("/v2/train/blobs/sha256:") && path.length() == 23 + 64
                && path.substring(23).chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                && Files.isRegularFile(blobs.resolve(path.substring(23)))) {
            respond(out, 200, "application/octet-stream", blob(path.substring(23)), Map.of(), false);
        } else {
            respond(out, 404, "application/json", bytes(UNKNOWN), Map.of(), false);
        }
    }

    private byte[] blob(String hex) throws IOException {
        return Files.readAllBytes(blobs.resolve(hex));
    }

    /** The request line, with the header fields (lower-case names) put in {@code headers}; null at end of stream. */
    private static String readHead(InputStream in, Map<String, String> headers) throws IOException {
        String requestLine = null;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (++total > MAX_HEAD) {
                throw new IOException("request head too large");
            }
            if (b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (requestLine == null) {
                requestLine = text;
            } else if (text.isEmpty()) {
                return requestLine;
            } else {
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            text.substring(colon + 1).trim());
                }
            }
        }
        return null;
    }

    private static void respond(OutputStream out, int status, String type, byte[] body, Map<String, String> extra,
            boolean close) throws IOException {
        StringBuilder head = new StringBuilder((close ? "HTTP/1.0 " : "HTTP/1.1 ") + status + " "
                + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\n");
        extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append(close ? "Connection: close\r\n\r\n" : "\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
