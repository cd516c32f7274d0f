package dev.bulwark.cli;

import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.scan.ScanListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on standard error for terminals: layers done, layers cached, megabytes read. It redraws
 * at most ten times a second and clears itself at the end.
 */
final class ProgressPrinter implements ScanListener {
    private final PrintWriter err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long lastDraw;

    ProgressPrinter(PrintWriter err, int totalLayers) {
        this.err = err;
        this.total = totalLayers;
    }

    /** Whether standard error is a terminal: the launcher tells us ({@code -Dbulwark.tty}), else the console does. */
    static boolean stderrIsTerminal() {
        String flag = System.getProperty("bulwark.tty");
        if (flag != null) {
            return flag.equals("true");
        }
        return false;
    }

    @Override
    public void layerStarted(Layer layer, boolean fromCache) {
        if (fromCache) {
            cached.incrementAndGet();
        }
        draw(false);
    }

    @Override
    public void bytesRead(Layer layer, long n) {
        bytes.addAndGet(n);
        draw(false);
    }

    @Override
    public void layerFinished(Layer layer) {
        done.incrementAndGet();
        draw(true);
    }

    void finish() {
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        synchronized (err) {
            err.printf("\r\033[Klayers %d/%d (%d cached), %.1f MB read", done.get(), total, cached.get(),
                    bytes.get() / 1e6);
            err.flush();
        }
    }
}
