package dev.bulwark.engine.scan;

import dev.bulwark.engine.image.Layer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports bytes read from a layer blob to the listener, in chunks so it costs nothing measurable. */
final class ProgressStream extends FilterInputStream {
    private static final long REPORT_EVERY = 1 << 20;
    private final Layer layer;
    private final ScanListener listener;
    private long unreported;

    ProgressStream(InputStream in, Layer layer, ScanListener listener) {
        super(in);
        this.layer = layer;
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        if (unreported > 0) {
            listener.bytesRead(layer, unreported);
            unreported = 0;
        }
        super.close();
    }

    private void count(long n) {
        unreported += n;
        if (unreported >= REPORT_EVERY) {
            listener.bytesRead(layer, unreported);
            unreported = 0;
        }
    }
}
