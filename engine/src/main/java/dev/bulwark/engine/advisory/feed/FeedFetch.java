package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.source.registry.RetryPolicy;
import dev.bulwark.engine.source.registry.StallGuardedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * Fetches one feed: a conditional GET (with the validators of the copy on disk), the body streamed to a temporary
 * file beside the target with size and idle bounds, then renamed into place. 429, 5xx, refused or dropped
 * connections and truncated bodies are retried with backoff; everything else fails at once.
 */
final class FeedFetch {
    private final HttpClient http;
    private final RetryPolicy retry;
    private final FeedState state;

    /** A failure that another attempt may cure. */
    private static final class Transient extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        Transient(String message, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }
    }

    FeedFetch(HttpClient http, RetryPolicy retry, FeedState state) {
        this.http = http;
        this.retry = retry;
        this.state = state;
    }

    FeedResult fetch(Feed feed, Path target) {
        AtomicFile.removeLeftovers(target);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(feed, target);
            } catch (Transient t) {
                if (attempt >= retry.maxAttempts()) {
                    throw failure(feed, t.getMessage() + " (after " + attempt + " attempts)", t.getCause());
                }
                Duration wait = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
                if (t.retryAfter.isPresent()) {
                    if (t.retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                        throw failure(feed, t.getMessage() + " asking to retry after "
                                + t.retryAfter.get().toSeconds() + " s, longer than we wait", null);
                    }
                    wait = t.retryAfter.get();
                }
                sleep(feed, wait);
            }
        }
    }

    private FeedResult attempt(Feed feed, Path target) throws Transient {
        Optional<FeedState.Entry> prior = state.current(feed, target);
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(retry.timeout()).GET()
                .header("User-Agent", "bulwark").header("Accept-Encoding", "identity");
        prior.map(FeedState.Entry::etag).ifPresent(v -> request.header("If-None-Match", v));
        prior.map(FeedState.Entry::lastModified).ifPresent(v -> request.header("If-Modified-Since", v));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw connectionFailure(feed, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(feed, "interrupted", e);
        }
        int status = response.statusCode();
        if (status == 304 && prior.isPresent()) {
            close(response);
            FeedState.Entry e = prior.get();
            return new FeedResult.NotModified(feed, target, e.size(), e.sha256());
        }
        if (status == 429 || status >= 500 && status <= 599) {
            close(response);
            throw new Transient(feed.url().getHost() + " answered HTTP " + status,
                    RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        if (status != 200) {
            close(response);
            throw failure(feed, feed.url() + " answered HTTP " + status, null);
        }
        return save(feed, target, response);
    }

    private FeedResult save(Feed feed, Path target, HttpResponse<InputStream> response) throws Transient {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > feed.maxBytes()) {
            close(response);
            throw new BulwarkException(ErrorKind.INVALID_INPUT, "feed " + feed.name() + ": " + feed.url()
                    + " is " + declared + " bytes, more than the limit of " + feed.maxBytes());
        }
        Path temp = AtomicFile.temporaryFor(target);
        try {
            MessageDigest md = Digest.newSha256();
            long count = 0;
            try (InputStream in = new StallGuardedInputStream(response.body(), retry.timeout(), "feed "
                    + feed.name()); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    count += n;
                    if (count > feed.maxBytes()) {
                        throw new BulwarkException(ErrorKind.INVALID_INPUT, "feed " + feed.name() + ": "
                                + feed.url() + " sent more than the limit of " + feed.maxBytes() + " bytes");
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                throw new Transient("connection to " + feed.url().getHost() + " broke after " + count + " bytes"
                        + detail(e), Optional.empty(), e);
            }
            if (declared >= 0 && count != declared) {
                throw new Transient(feed.url().getHost() + " sent " + count + " of " + declared + " bytes",
                        Optional.empty(), null);
            }
            AtomicFile.commit(temp, target);
            Digest sha256 = Digest.ofSha256(md);
            state.put(feed, new FeedState.Entry(feed.url().toString(), response.headers().firstValue("ETag")
                    .orElse(null), response.headers().firstValue("Last-Modified").orElse(null), count, sha256));
            return new FeedResult.Downloaded(feed, target, count, sha256);
        } finally {
            AtomicFile.deleteQuietly(temp);
        }
    }

    private Transient connectionFailure(Feed feed, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                throw failure(feed, "TLS failure talking to " + feed.url().getHost() + detail(t)
                        + "; for a private CA pass its certificate", e);
            }
            if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                throw failure(feed, "unknown host " + feed.url().getHost(), e);
            }
        }
        String what = e instanceof ConnectException ? "connection refused by " : e
                instanceof java.net.http.HttpTimeoutException ? "timed out waiting for " : "connection failed to ";
        return new Transient(what + feed.url().getHost() + detail(e), Optional.empty(), e);
    }

    private static BulwarkException failure(Feed feed, String message, Throwable cause) {
        return new BulwarkException(ErrorKind.REMOTE, "feed " + feed.name() + ": " + message, cause);
    }

    private static String detail(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return " (" + e.getClass().getSimpleName() + ")";
        }
        String line = m.lines().findFirst().orElse("");
        return " (" + (line.length() > 160 ? line.substring(0, 160) + "..." : line) + ")";
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // The connection is discarded either way.
        }
    }

    private static void sleep(Feed feed, Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(feed, "interrupted while waiting to retry", e);
        }
    }
}
