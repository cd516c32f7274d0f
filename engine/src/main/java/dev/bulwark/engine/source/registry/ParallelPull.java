package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every layer blob of an image to the end, verified, several at a time: what a pull costs, for benchmarks
 * against {@code skopeo copy} and for warming a cache. The first failure cancels the rest and is rethrown.
 */
public final class ParallelPull {
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
        List<Layer> layers = image.layers();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, layers.size())), r -> {
            Thread t = new Thread(r, "bulwark-layer-pull");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> reads = new ArrayList<>();
            for (Layer layer : layers) {
                reads.add(pool.submit(() -> {
                    try (InputStream in = image.openLayer(layer)) {
                        return in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }));
            }
            long bytes = 0;
            for (Future<Long> read : reads) {
                bytes += await(read, image.name());
            }
            return new Result(layers.size(), bytes, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long await(Future<Long> read, String name) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.REMOTE, "interrupted while pulling " + name, e);
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
}
