package dev.bulwark.engine.scan;

import dev.bulwark.engine.secret.SecretScanner;

/**
 * Tunables of a scan.
 *
 * @param maxLayerBytes the most one layer may expand to; past it the scan stops (decompression bombs)
 * @param parallelism how many layers are read at once
 * @param spoolDirectory where large files several catalogers read are kept meanwhile (the cache's {@code tmp/})
 * @param secrets the secret scanner, or null when secrets are not scanned
 * @param hardening whether image scans record each layer's notable files (setuid, world-writable, tools) for the
 *     hardening checks ({@link ScanResult#notables()})
 */
public record ScanOptions(long maxLayerBytes, int parallelism, java.nio.file.Path spoolDirectory,
        SecretScanner secrets, boolean hardening) {
    /** 64 GiB: larger than any genuine layer, small enough that a bomb stops in minutes, not never. */
    public static final long DEFAULT_MAX_LAYER_BYTES = 64L << 30;

    public ScanOptions {
        if (maxLayerBytes <= 0) {
            throw new IllegalArgumentException("max layer size must be positive");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (spoolDirectory == null) {
            spoolDirectory = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "bulwark-spool");
        }
    }

    public ScanOptions(long maxLayerBytes, int parallelism, java.nio.file.Path spoolDirectory) {
        this(maxLayerBytes, parallelism, spoolDirectory, null, false);
    }

    public ScanOptions(long maxLayerBytes, int parallelism, java.nio.file.Path spoolDirectory,
            SecretScanner secrets) {
        this(maxLayerBytes, parallelism, spoolDirectory, secrets, false);
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_LAYER_BYTES, Math.min(4, Runtime.getRuntime().availableProcessors()),
                null);
    }

    public ScanOptions withMaxLayerBytes(long bytes) {
        return new ScanOptions(bytes, parallelism, spoolDirectory, secrets, hardening);
    }

    public ScanOptions withSpoolDirectory(java.nio.file.Path dir) {
        return new ScanOptions(maxLayerBytes, parallelism, dir, secrets, hardening);
    }

    /** These options with secret scanning by {@code scanner} (null turns it off). */
    public ScanOptions withSecrets(SecretScanner scanner) {
        return new ScanOptions(maxLayerBytes, parallelism, spoolDirectory, scanner, hardening);
    }

    /** These options with the notable-file collection for image hardening on or off. */
    public ScanOptions withHardening(boolean on) {
        return new ScanOptions(maxLayerBytes, parallelism, spoolDirectory, secrets, on);
    }
}
