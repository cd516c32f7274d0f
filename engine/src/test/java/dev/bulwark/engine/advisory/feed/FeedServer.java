package dev.bulwark.engine.advisory.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.source.registry.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Test-only static file server on 127.0.0.1 (HTTP, or HTTPS with the test CA) that answers conditional requests
 * like a CDN: a strong ETag and a Last-Modified per file, 304 when the client's validator matches. Faults are
 * queued per path and used up one per request: an error status, 429 with Retry-After, a body cut short or
 * stalled, a connection closed before any answer, or an endless chunked body.
 */
final class FeedServer implements AutoCloseable {
    enum Fault { STATUS_500, STATUS_503, STATUS_404, TOO_MANY_REQUESTS, RETRY_AFTER_HOUR, TRUNCATE, DROP, STALL,
        ENDLESS }

    /** The conditional headers one request carried. */
    record Seen(String ifNoneMatch, String ifModifiedSince) {
    }

    private record File(byte[] body, String etag, String lastModified) {
    }

    private final HttpServer server;
    private final boolean tls;
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, List<Seen>> seen = new ConcurrentHashMap<>();

    private FeedServer(HttpServer server, boolean tls) {
        this.server = server;
        this.tls = tls;
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feed-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    static FeedServer http() throws IOException {
        return new FeedServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), false);
    }

    static FeedServer https(TestCertificates certs) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
        return new FeedServer(https, true);
    }

    URI base() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI url(String rawPath) {
        return base().resolve(rawPath);
    }

    /** Serves {@code body} at decoded {@code path} with an ETag (if {@code etag}) and a Last-Modified. */
    void put(String path, byte[] body, boolean etag) {
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)
                .minusMinutes(files.size() + 1L).withNano(0));
        files.put(path, new File(body, etag ? "\"" + Digest.sha256(body).shortHex() + "\"" : null, lastModified));
    }

    void queue(String path, Fault... next) {
        faults.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(next));
    }

    void clearFaults(String path) {
        faults.remove(path);
    }

    synchronized List<Seen> seen(String path) {
        return List.copyOf(seen.getOrDefault(path, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        synchronized (this) {
            seen.computeIfAbsent(path, p -> new ArrayList<>()).add(new Seen(inm, ims));
        }
        Deque<Fault> queued = faults.get(path);
        Fault fault = queued == null ? null : queued.pollFirst();
        File file = files.get(path);
        try (exchange) {
            if (fault != null && fault != Fault.TRUNCATE && fault != Fault.STALL) {
                faulty(exchange, fault);
                return;
            }
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (file.etag() != null) {
                exchange.getResponseHeaders().add("ETag", file.etag());
            }
            exchange.getResponseHeaders().add("Last-Modified", file.lastModified());
            boolean fresh = file.etag() != null ? file.etag().equals(inm) : file.lastModified().equals(ims);
            if (fresh) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, file.body().length);
            OutputStream out = exchange.getResponseBody();
            if (fault == Fault.TRUNCATE) {
                out.write(file.body(), 0, file.body().length / 2);
                out.flush();
                // An exception from a handler makes the server close the connection mid-body.
                throw new IOException("test: cut the body short");
            }
            if (fault == Fault.STALL) {
                out.write(file.body(), 0, 10);
                out.flush();
                sleep(10_000);
                return;
            }
            out.write(file.body());
        }
    }

    private static void faulty(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case STATUS_500 -> exchange.sendResponseHeaders(500, -1);
            case STATUS_503 -> exchange.sendResponseHeaders(503, -1);
            case STATUS_404 -> exchange.sendResponseHeaders(404, -1);
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
            }
            case RETRY_AFTER_HOUR -> {
                exchange.getResponseHeaders().add("Retry-After", "3600");
                exchange.sendResponseHeaders(429, -1);
            }
            case DROP -> throw new IOException("test: close the connection without an answer");
            case ENDLESS -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 << 10];
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            }
            default -> throw new IllegalStateException(fault.name());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
