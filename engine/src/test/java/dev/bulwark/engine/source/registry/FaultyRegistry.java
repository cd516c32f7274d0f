package dev.bulwark.engine.source.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only HTTPS server standing in front of a real (plain) registry: a script decides, per request path and hit
 * count, whether to answer with a canned reply (an error status, a malformed manifest, a stalled body) or to pass
 * the request through to the real registry unchanged.
 */
final class FaultyRegistry implements AutoCloseable {
    /** A canned answer; {@code stallAfter} bytes of the body are sent, then the server stops sending. */
    record Reply(int status, Map<String, String> headers, byte[] body, int stallAfter) {
        static Reply of(int status, Map<String, String> headers, byte[] body) {
            return new Reply(status, headers, body, -1);
        }
    }

    /** Decides a reply for the {@code hit}-th request (from 1) to {@code path}; null passes it through. */
    interface Script {
        Reply reply(String path, int hit);
    }

    private final HttpServer server;
    private final String upstream;
    private final Script script;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    /** Serves HTTPS with the test CA's server certificate, as real registries do (pass the CA to clients). */
    FaultyRegistry(String upstream, Script script) throws Exception {
        this(upstream, script, true);
    }

    /**
     * With {@code tls} false, plain HTTP, and a TLS hello gets no answer at all (the JDK server waits for an HTTP
     * request line that never comes), unlike registries, which answer it with HTTP 400.
     */
    FaultyRegistry(String upstream, Script script, boolean tls) throws Exception {
        this.upstream = upstream;
        this.script = script;
        if (tls) {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.get().serverContext()));
            this.server = https;
        } else {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-registry");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }


    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            Reply reply = script.reply(path, hit);
            if (reply == null) {
                passThrough(exchange);
                return;
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = reply.body() == null ? new byte[0] : reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (reply.stallAfter() >= 0) {
                exchange.getResponseBody().write(body, 0, reply.stallAfter());
                exchange.getResponseBody().flush();
                Thread.sleep(15_000);
                return;
            }
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void passThrough(HttpExchange exchange) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()));
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        for (String h : new String[] {"Content-Type", "Docker-Content-Digest", "WWW-Authenticate", "Location"}) {
            response.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders().add(h, v));
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.shutdownNow();
    }
}
