package dev.bulwark.engine.layer;

import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.secret.SecretScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans each regular file of one layer for secrets as it streams by, and hands the same bytes on to whoever else
 * reads the file. One buffer is reused for the whole layer; files over the scanner's limit are only probed (a binary
 * is skipped quietly, a large text file is counted and reported once per layer).
 */
final class SecretCollector {
    private static final int PROBE = 1024;
    private static final int MAX_WARNINGS = 100;

    private final SecretScanner scanner;
    private final String what;
    private final List<SecretFinding> findings = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private byte[] buffer = new byte[64 << 10];
    private long tooLarge;
    private String firstTooLarge;
    private long dropped;

    SecretCollector(SecretScanner scanner, String what) {
        this.scanner = scanner;
        this.what = what;
    }

    /** Scans the file and returns a stream of its full content for the next reader. */
    InputStream scan(String path, long size, InputStream content) throws IOException {
        if (size > scanner.limits().maxFileBytes()) {
            byte[] head = content.readNBytes(PROBE);
            if (!SecretScanner.isBinary(head, head.length)) {
                if (tooLarge++ == 0) {
                    firstTooLarge = path;
                }
            }
            return new SequenceInputStream(new ByteArrayInputStream(head), content);
        }
        int n = (int) size;
        if (buffer.length < n) {
            buffer = new byte[Math.max(n, Math.min(scanner.limits().maxFileBytes(), buffer.length * 2))];
        }
        int read = content.readNBytes(buffer, 0, n);
        SecretScanner.FileResult r = scanner.scan(path, buffer, read);
        findings.addAll(r.findings());
        for (Warning w : r.warnings()) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(new Warning(w.code(), what + ": " + w.message()));
            } else {
                dropped++;
            }
        }
        return new ByteArrayInputStream(buffer, 0, read);
    }

    LayerSecrets result() {
        List<Warning> all = new ArrayList<>(warnings);
        if (dropped > 0) {
            all.add(new Warning("secret.more-warnings", what + ": " + dropped + " more secret-scan warnings"));
        }
        if (tooLarge > 0) {
            all.add(new Warning("secret.file-too-large", what + ": " + tooLarge + " text file(s) larger than "
                    + (scanner.limits().maxFileBytes() >> 20) + " MiB not scanned for secrets (first: "
                    + firstTooLarge + ")"));
        }
        return new LayerSecrets(findings, all);
    }
}
