package dev.bulwark.engine.scan;

/**
 * Tunables of a scan.
 *
 * @param maxLayerBytes the most one layer may expand to; past it the scan stops (decompression bombs)
 * @param parallelism how many layers are read at once
 */
public record ScanOptions(long maxLayerBytes, int parallelism) {
    /** 64 GiB: larger than any genuine layer, small enough that a bomb stops in minutes, not never. */
    public static final long DEFAULT_MAX_LAYER_BYTES = 64L << 30;

    public ScanOptions {
        if (maxLayerBytes <= 0) {
            throw new IllegalArgumentException("max layer size must be positive");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_LAYER_BYTES, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public ScanOptions withMaxLayerBytes(long bytes) {
        return new ScanOptions(bytes, parallelism);
    }
}
