package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Sends one logical request with retries: 429 and 5xx answers and dropped or refused connections are tried again
 * with jittered exponential backoff (honouring {@code Retry-After}); redirects are followed by hand so an
 * {@code Authorization} header never travels to another host (blob stores behind redirects reject it). Transport
 * failures become one-line {@link BulwarkException}s.
 */
final class RegistryTransport {
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final RetryPolicy retry;
    private final String host;
    private final boolean allowPlainHttp;

    RegistryTransport(HttpClient client, RetryPolicy retry, String host, boolean allowPlainHttp) {
        this.client = client;
        this.retry = retry;
        this.host = host;
        this.allowPlainHttp = allowPlainHttp;
    }

    /**
     * GETs {@code uri}; {@code authorization} (nullable) goes only to the original host. Returns the final response
     * whatever its status, after retries; the caller owns (and must close) its body.
     */
    HttpResponse<InputStream> get(URI uri, Map<String, String> headers, String authorization, String what) {
        return send("GET", uri, headers, authorization, null, what);
    }

    /** POSTs a form body (token requests with a refresh token); never redirected to another host with credentials. */
    HttpResponse<InputStream> postForm(URI uri, String form, String what) {
        return send("POST", uri, Map.of("Content-Type", "application/x-www-form-urlencoded"), null,
                () -> HttpRequest.BodyPublishers.ofString(form), what);
    }

    /**
     * Sends {@code method} with a body from {@code body} (nullable; called again for every retry, so a file body is
     * re-read). GET and HEAD follow redirects as {@link #get} does; other methods return a redirect as it came.
     */
    HttpResponse<InputStream> send(String method, URI uri, Map<String, String> headers, String authorization,
            Supplier<HttpRequest.BodyPublisher> body, String what) {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            boolean sameHost = current.getAuthority() != null && current.getAuthority().equalsIgnoreCase(
                    uri.getAuthority());
            HttpResponse<InputStream> response = sendWithRetry(method, current, headers,
                    sameHost ? authorization : null, body, what);
            int status = response.statusCode();
            boolean followable = method.equals("GET") || method.equals("HEAD");
            if (!followable || status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return response;
            }
            closeQuietly(response);
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + host + ": too many or broken redirects"
                        + " while " + what);
            }
            URI next;
            try {
                next = current.resolve(location.get());
            } catch (IllegalArgumentException e) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + host + ": invalid redirect while " + what);
            }
            if (!"https".equalsIgnoreCase(next.getScheme()) && !("http".equalsIgnoreCase(next.getScheme())
                    && (allowPlainHttp || "http".equalsIgnoreCase(current.getScheme())))) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + host + ": refusing redirect to "
                        + next.getScheme() + " URL while " + what);
            }
            current = next;
        }
    }

    /**
     * One GET with its own {@code timeout} and no retry: whether a registry that may also speak plain HTTP answers
     * over TLS. A server that never answers the TLS hello must cost seconds, not the retried minutes of a real
     * request.
     */
    HttpResponse<InputStream> probe(URI uri, Duration timeout, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "bulwark").GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw TransportFailure.of(e).toException(host, what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.REMOTE, "interrupted while " + what, e);
        }
    }

    private HttpResponse<InputStream> sendWithRetry(String method, URI uri, Map<String, String> headers,
            String authorization, Supplier<HttpRequest.BodyPublisher> body, String what) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(retry.timeout())
                    .header("User-Agent", "bulwark");
            headers.forEach(request::header);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request = request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get());
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                TransportFailure failure = TransportFailure.of(e);
                if (!failure.retriable() || attempt >= retry.maxAttempts()) {
                    throw failure.toException(host, what, e);
                }
                sleep(retry.backoff(attempt, ThreadLocalRandom.current().nextDouble()));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BulwarkException(ErrorKind.REMOTE, "interrupted while " + what, e);
            }
            int status = response.statusCode();
            boolean transientStatus = status == 429 || status == 500 || status == 502 || status == 503
                    || status == 504;
            if (!transientStatus || attempt >= retry.maxAttempts()) {
                return response;
            }
            Duration wait = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
            Optional<Duration> retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            if (retryAfter.isPresent()) {
                if (retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    return response;
                }
                wait = retryAfter.get();
            }
            closeQuietly(response);
            sleep(wait);
        }
    }

    /** Retry-After is either delay-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        return RetryPolicy.retryAfter(value);
    }

    static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Nothing useful to do: the connection is discarded either way.
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.REMOTE, "interrupted while waiting to retry", e);
        }
    }
}
