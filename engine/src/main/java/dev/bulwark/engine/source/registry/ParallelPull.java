package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every layer blob of an image to the end, verified, several at a time: what a pull costs, for benchmarks
 * against {@code skopeo copy} and for warming a cache. The largest blobs start first, so the longest transfer is
 * never queued behind short ones. The first failure closes every other transfer, cancels the queued ones and is
 * rethrown; nothing is written anywhere.
 */
public final class ParallelPull {
    /** Transfers at once when the caller does not say: enough to hide per-request latency, as skopeo does. */
    public static final int DEFAULT_PARALLELISM = 4;
    private static final int BUFFER = 1 << 20;

    /** What was read and how long it took. */
    public record Result(int layers, long bytes, Duration elapsed) {
    }

    private ParallelPull() {
    }

    public static Result readAllLayers(Image image, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        long start = System.nanoTime();
        List<Layer> layers = largestFirst(image.layers());
        if (layers.isEmpty()) {
            return new Result(0, 0, Duration.ofNanos(System.nanoTime() - start));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, layers.size()), r -> {
            Thread t = new Thread(r, "bulwark-layer-pull");
            t.setDaemon(true);
            return t;
        });
        Set<InputStream> open = ConcurrentHashMap.newKeySet();
        List<Future<Long>> reads = new ArrayList<>();
        try {
            CompletionService<Long> done = new ExecutorCompletionService<>(pool);
            for (Layer layer : layers) {
                reads.add(done.submit(() -> read(image, layer, open)));
            }
            long bytes = 0;
            for (int i = 0; i < layers.size(); i++) {
                bytes += await(done.take(), image.name());
            }
            return new Result(layers.size(), bytes, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.REMOTE, "interrupted while pulling " + image.name(), e);
        } finally {
            // After a failure: no queued transfer starts, and running ones stop at once (their connections closed).
            reads.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            open.forEach(ParallelPull::closeQuietly);
        }
    }

    /** The layers by descending blob size; equal sizes keep manifest order. */
    static List<Layer> largestFirst(List<Layer> layers) {
        List<Layer> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparingLong((Layer l) -> l.blob().size()).reversed());
        return sorted;
    }

    private static long read(Image image, Layer layer, Set<InputStream> open) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new IOException("cancelled");
        }
        try (InputStream in = image.openLayer(layer)) {
            open.add(in);
            try {
                byte[] buffer = new byte[BUFFER];
                long total = 0;
                for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
                    total += n;
                }
                return total;
            } finally {
                open.remove(in);
            }
        }
    }

    private static long await(Future<Long> read, String name) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BulwarkException b) {
                throw b;
            }
            if (cause instanceof IOException io) {
                throw TransportFailure.of(io).toException(name, "reading a layer", io);
            }
            throw new BulwarkException(ErrorKind.INTERNAL, "pulling " + name + " failed: " + cause, cause);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // The transfer is being abandoned after another one failed; its own error is not the one to report.
        }
    }
}
