package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.source.registry.RetryPolicy;
import dev.bulwark.engine.source.registry.TlsTrust;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Downloads feeds into a directory ({@code <dir>/<feed path>}), a few at a time, with conditional requests so an
 * unchanged feed costs one 304. Each file is replaced atomically; a feed that fails leaves its previous copy and
 * does not stop the others. TLS is verified against the system trust store plus any extra CA certificates.
 */
public final class FeedDownloader {
    private final List<Path> caCerts;
    private final RetryPolicy retry;
    private final int parallelism;

    /**
     * @param caCerts extra PEM CA certificates to trust (for a mirror with a private CA); may be empty
     * @param retry attempts, backoff, and the timeout for connecting, for headers and for a stalled body
     * @param parallelism how many feeds to fetch at once (1..16)
     */
    public FeedDownloader(List<Path> caCerts, RetryPolicy retry, int parallelism) {
        this.caCerts = List.copyOf(caCerts);
        this.retry = Objects.requireNonNull(retry, "retry");
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallelism must be 1..16: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** System trust, default retries, four feeds at a time. */
    public static FeedDownloader defaults() {
        return new FeedDownloader(List.of(), RetryPolicy.defaults(), 4);
    }

    /** Fetches every feed into {@code dir}; returns one result per feed, in order. Never throws for a feed failure. */
    public DownloadReport download(List<Feed> feeds, Path dir) {
        Set<String> paths = new HashSet<>();
        for (Feed f : feeds) {
            if (!paths.add(f.path()) || f.path().equals(FeedState.FILE_NAME)) {
                throw new IllegalArgumentException("two feeds share the path " + f.path());
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot create " + dir + ": " + e.getMessage(), e);
        }
        FeedState state = FeedState.load(dir);
        HttpClient http = TlsTrust.configure(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(retry.timeout()).followRedirects(HttpClient.Redirect.NORMAL), caCerts, false).build();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, feeds.size())), r -> {
            Thread t = new Thread(r, "bulwark-feed-download");
            t.setDaemon(true);
            return t;
        });
        try {
            FeedFetch fetch = new FeedFetch(http, retry, state);
            List<Future<FeedResult>> pending = new ArrayList<>();
            for (Feed feed : feeds) {
                pending.add(pool.submit(() -> fetchOne(fetch, feed, dir.resolve(feed.path()))));
            }
            List<FeedResult> results = new ArrayList<>();
            for (Future<FeedResult> f : pending) {
                results.add(f.get());
            }
            return new DownloadReport(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.REMOTE, "feed download interrupted", e);
        } catch (ExecutionException e) {
            throw new BulwarkException(ErrorKind.INTERNAL, "feed download crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            http.shutdownNow();
        }
    }

    private static FeedResult fetchOne(FeedFetch fetch, Feed feed, Path target) {
        try {
            return fetch.fetch(feed, target);
        } catch (BulwarkException e) {
            return new FeedResult.Failed(feed, e);
        }
    }
}
