package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that delivers no bytes for longer than the idle timeout. The JDK HTTP client bounds only
 * the wait for headers; without this a registry that stops sending mid-blob would hang a scan forever.
 */
public final class StallGuardedInputStream extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bulwark-registry-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long idleNanos;
    private final String what;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    /** Guards {@code in}; {@code what} names the transfer in the error for a stall. */
    public StallGuardedInputStream(InputStream in, Duration idle, String what) {
        super(in);
        this.idleNanos = idle.toNanos();
        this.what = what;
        long period = Math.max(50, Math.min(1000, idle.toMillis() / 4));
        this.check = WATCHDOG.scheduleWithFixedDelay(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (System.nanoTime() - lastProgress > idleNanos) {
            stalled = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing is only to wake the reader; it reports the stall.
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            lastProgress = System.nanoTime();
            if (n < 0) {
                check.cancel(false);
            }
            return n;
        } catch (IOException e) {
            if (stalled) {
                throw new BulwarkException(ErrorKind.REMOTE, what + ": the server sent no data for "
                        + Duration.ofNanos(idleNanos).toSeconds() + " s", e);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        in.close();
    }
}
