package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Talks to one repository of one registry over the distribution API: finds the endpoint (HTTPS, or plain HTTP for
 * loopback and {@code --insecure} registries that do not speak TLS), authenticates, and fetches manifests and blobs.
 * Every answer body is read with a bound; every failure is a one-line {@link BulwarkException}.
 */
final class RegistryClient implements AutoCloseable {
    private static final int MAX_ERROR_BODY = 64 << 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A manifest as served: its bytes, Content-Type and the registry's Docker-Content-Digest claim. */
    record Fetched(byte[] body, String contentType, String dockerContentDigest) {
    }

    private final RegistryOptions options;
    private final ImageReference ref;
    private final HttpClient http;
    private final RegistryTransport transport;
    private final RegistryAuth auth;
    private final String scope;
    private URI base;

    static {
        // The JDK client hands response bodies over in 16 KiB buffers by default; layer blobs are hundreds of
        // megabytes, and 1 MiB buffers cut the CPU a pull costs by more than half (docs/benchmarks.md). The property
        // is read once, when the client classes load, so it is set here unless the user set it.
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", Integer.toString(1 << 20));
        }
    }

    RegistryClient(RegistryOptions options) {
        this(options, false);
    }

    /** A client that asks for {@code pull,push} access when {@code push} is set (Bearer tokens are per scope). */
    RegistryClient(RegistryOptions options, boolean push) {
        this.options = options;
        this.ref = options.reference();
        boolean allowPlainHttp = options.insecure() || ref.isLoopback();
        this.http = TlsTrust.configure(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.retry().timeout())
                .followRedirects(HttpClient.Redirect.NEVER), options.caCerts(), options.insecure())
                .build();
        this.transport = new RegistryTransport(http, options.retry(), ref.registry(), allowPlainHttp);
        this.auth = new RegistryAuth(ref, transport, new CredentialLookup(options), allowPlainHttp);
        this.scope = "repository:" + ref.repository() + (push ? ":pull,push" : ":pull");
    }

    /** Fetches a manifest or index by tag or digest. */
    Fetched manifest(String reference, long maxBytes, String what) {
        HttpResponse<InputStream> response = fetch("manifests/" + reference, Map.of("Accept",
                MediaTypes.MANIFEST_ACCEPT), what);
        int status = response.statusCode();
        if (status == 404) {
            String code = errorCode(response);
            throw new BulwarkException(ErrorKind.NOT_FOUND, "image " + ref + " not found: registry " + ref.registry()
                    + " has no manifest " + reference + " in " + ref.repository() + " ("
                    + (code.isEmpty() ? "manifest unknown" : code) + ")");
        }
        expectOk(response, what);
        byte[] body = readBounded(response, maxBytes, options.retry().timeout(), what);
        return new Fetched(body, response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Docker-Content-Digest").orElse(null));
    }

    /** Reads a small blob (a config) whole; the caller verifies it. */
    byte[] blob(Descriptor blob, String what) {
        HttpResponse<InputStream> response = openBlobResponse(blob, what);
        return readBounded(response, blob.size(), options.retry().timeout(), what);
    }

    /** Opens a blob stream; the caller wraps it in a verifying stream and must close it. */
    InputStream openBlob(Descriptor blob, String what) {
        return new StallGuardedInputStream(openBlobResponse(blob, what).body(), options.retry().timeout(), what);
    }

    private HttpResponse<InputStream> openBlobResponse(Descriptor blob, String what) {
        HttpResponse<InputStream> response = fetch("blobs/" + blob.digest(), Map.of(), what);
        if (response.statusCode() == 404) {
            String code = errorCode(response);
            throw new BulwarkException(ErrorKind.NOT_FOUND, what + ": registry " + ref.registry()
                    + " does not have blob " + blob.digest() + (code.isEmpty() ? "" : " (" + code + ")"));
        }
        expectOk(response, what);
        return response;
    }

    private HttpResponse<InputStream> fetch(String path, Map<String, String> headers, String what) {
        return send("GET", repositoryUri(path), headers, null, what);
    }

    /** {@code /v2/<repository>/<path>} on this registry. */
    URI repositoryUri(String path) {
        return base().resolve(ref.repository() + "/" + path);
    }

    /** The reference this client was made for. */
    ImageReference reference() {
        return ref;
    }

    /**
     * Sends an authenticated request (answering one 401 challenge), retried as {@link RegistryTransport#send} does;
     * 401 after authenticating and 403 become {@link ErrorKind#AUTH}. The caller owns the response body.
     */
    HttpResponse<InputStream> send(String method, URI uri, Map<String, String> headers,
            Supplier<HttpRequest.BodyPublisher> body, String what) {
        boolean reauthenticated = false;
        while (true) {
            HttpResponse<InputStream> response = transport.send(method, uri, headers, auth.authorization(scope),
                    body, what);
            int status = response.statusCode();
            if (status == 401 && !reauthenticated) {
                Optional<AuthChallenge> challenge = AuthChallenge.select(response.headers()
                        .allValues("WWW-Authenticate"));
                RegistryTransport.closeQuietly(response);
                if (challenge.isEmpty()) {
                    throw auth.refused(what);
                }
                auth.challenged(challenge.get(), scope);
                reauthenticated = true;
                continue;
            }
            if (status == 401) {
                RegistryTransport.closeQuietly(response);
                throw auth.refused(what);
            }
            if (status == 403) {
                RegistryTransport.closeQuietly(response);
                throw new BulwarkException(ErrorKind.AUTH, "registry " + ref.registry() + " denied access to "
                        + ref.repository() + " while " + what + " (403): check credentials and permissions");
            }
            return response;
        }
    }

    /** How long the TLS probe of a registry that may also speak plain HTTP waits before trying plain HTTP. */
    static final java.time.Duration TLS_PROBE_TIMEOUT = java.time.Duration.ofSeconds(5);

    /**
     * Finds the API root with a {@code GET /v2/}, learning the auth challenge on the way. A loopback registry is
     * first asked over plain HTTP, once and with a short timeout (no credentials go with that request): if it answers
     * as a registry does (200, or 401 with its challenge), the pull never sets up TLS, which costs a fresh JVM a
     * quarter of a second; a TLS server answers that request with 400 or closes the connection, and the order below
     * follows. Where plain HTTP is allowed (loopback, {@code --insecure}), HTTPS is probed once with a short timeout,
     * so a plain server that does not answer a TLS hello costs seconds; a TLS failure or that timeout then tries
     * plain HTTP, and if plain HTTP fails too, a slow HTTPS registry still gets the full, retried request.
     */
    private synchronized URI base() {
        if (base != null) {
            return base;
        }
        URI https = URI.create("https://" + ref.apiHost() + "/v2/");
        boolean plainAllowed = options.insecure() || ref.isLoopback();
        if (!plainAllowed) {
            base = ping(https, null);
            return base;
        }
        java.time.Duration probe = TLS_PROBE_TIMEOUT.compareTo(options.retry().timeout()) < 0 ? TLS_PROBE_TIMEOUT
                : options.retry().timeout();
        if (ref.isLoopback()) {
            URI plain = URI.create("http://" + ref.apiHost() + "/v2/");
            if (answersAsRegistry(plain, probe)) {
                base = plain;
                return base;
            }
        }
        try {
            base = ping(https, probe);
        } catch (BulwarkException tlsFailed) {
            if (!(tlsFailed.getCause() instanceof IOException io)) {
                throw tlsFailed;
            }
            TransportFailure failure = TransportFailure.of(io);
            if (failure != TransportFailure.TLS && failure != TransportFailure.TIMEOUT) {
                throw tlsFailed;
            }
            try {
                base = ping(URI.create("http://" + ref.apiHost() + "/v2/"), null);
            } catch (BulwarkException plainFailed) {
                if (failure == TransportFailure.TIMEOUT) {
                    base = ping(https, null); // a slow TLS registry, not a plain one
                    return base;
                }
                throw tlsFailed;
            }
        }
        return base;
    }

    /** One {@code GET /v2/} without retry: true when it is answered 200, or 401 (whose challenge is learnt). */
    private boolean answersAsRegistry(URI v2, java.time.Duration timeout) {
        HttpResponse<InputStream> response;
        try {
            response = transport.probe(v2, timeout, "connecting");
        } catch (BulwarkException notPlain) {
            if (Thread.currentThread().isInterrupted()) {
                throw notPlain;
            }
            return false;
        }
        RegistryTransport.closeQuietly(response);
        int status = response.statusCode();
        if (status == 401) {
            AuthChallenge.select(response.headers().allValues("WWW-Authenticate"))
                    .ifPresent(c -> auth.challenged(c, scope));
        }
        return status == 200 || status == 401;
    }

    /** {@code GET /v2/}: once with {@code probeTimeout} and no retry when it is given, else the retried request. */
    private URI ping(URI v2, java.time.Duration probeTimeout) {
        boolean once = probeTimeout != null;
        HttpResponse<InputStream> response = once ? transport.probe(v2, probeTimeout, "connecting")
                : transport.get(v2, Map.of(), null, "connecting");
        RegistryTransport.closeQuietly(response);
        int status = response.statusCode();
        if (once && (status == 429 || status >= 500)) {
            return ping(v2, null); // it speaks TLS; a transient answer gets the retried request
        }
        if (status == 401) {
            AuthChallenge.select(response.headers().allValues("WWW-Authenticate"))
                    .ifPresent(c -> auth.challenged(c, scope));
        } else if (status != 200) {
            throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + " answered HTTP " + status
                    + " to GET /v2/: is this a container registry?");
        }
        return v2;
    }

    private void expectOk(HttpResponse<InputStream> response, String what) {
        expectStatus(response, 200, what);
    }

    /** Throws a one-line {@link ErrorKind#REMOTE} error (consuming the body) unless the status is {@code expected}. */
    void expectStatus(HttpResponse<InputStream> response, int expected, String what) {
        int status = response.statusCode();
        if (status == expected) {
            return;
        }
        String code = errorCode(response);
        if (status == 429) {
            throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + " is rate limiting (429)"
                    + response.headers().firstValue("Retry-After").map(s -> ", retry after " + s).orElse("")
                    + " while " + what);
        }
        throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + " answered HTTP " + status
                + " while " + what + (code.isEmpty() ? "" : " (" + code + ")"));
    }

    private static byte[] readBounded(HttpResponse<InputStream> response, long max, java.time.Duration idle,
            String what) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = new StallGuardedInputStream(response.body(), idle, what)) {
            if (declared > max) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " is larger than " + max + " bytes");
            }
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " is larger than " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw TransportFailure.of(e).toException(response.uri().getHost(), "reading " + what, e);
        }
    }

    /** The registry's error code ({@code MANIFEST_UNKNOWN}...) from an error body, or empty. Consumes the body. */
    static String errorCode(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            JsonNode errors = MAPPER.readTree(in.readNBytes(MAX_ERROR_BODY)).path("errors");
            List<String> codes = new java.util.ArrayList<>();
            for (JsonNode e : errors) {
                String code = e.path("code").asText("");
                if (code.matches("[A-Z_]{1,64}")) {
                    codes.add(code.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                }
            }
            return String.join(", ", codes);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
