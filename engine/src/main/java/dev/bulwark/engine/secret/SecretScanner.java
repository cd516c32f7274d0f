package dev.bulwark.engine.secret;

import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds secrets in one file's bytes. A keyword automaton runs over the whole file first; a rule's regex then runs
 * only on the lines around that rule's keyword hits (at most the rule's reach either side of a hit), under a budget
 * of characters read and of window bytes per rule. Files with a NUL byte in their first KiB are binary and skipped,
 * as are files over {@link Limits#maxFileBytes} (the caller counts those). Findings carry only the masked secret.
 *
 * <p>Stateless and thread-safe: layers are scanned in parallel with one scanner.
 */
public final class SecretScanner {
    static final int BINARY_PROBE = 1024;
    private final SecretRuleSet rules;
    private final SecretRule[] byIndex;
    private final int[] groups;
    private final boolean[] pathScoped;
    private final KeywordAutomaton automaton;
    private final Limits limits;

    /**
     * Bounds of one file's scan.
     *
     * @param maxFileBytes larger files are not scanned
     * @param maxRegexBytes the most bytes of keyword windows one rule's regex reads in one file; past it (a file
     *     dense with one rule's keywords) that rule stops with a warning, which bounds the cost of hostile files
     * @param maxFindingsPerFile findings past this are dropped with a warning
     */
    public record Limits(int maxFileBytes, int maxRegexBytes, int maxFindingsPerFile) {
        public static final Limits DEFAULT = new Limits(10 << 20, 512 << 10, 200);

        public Limits {
            if (maxFileBytes < 1 || maxRegexBytes < 1 || maxFindingsPerFile < 1) {
                throw new IllegalArgumentException("secret scan limits too small");
            }
        }
    }

    /** How a file was handled. */
    public enum Outcome { SCANNED, BINARY, TOO_LARGE }

    /** What scanning one file gave: findings (masked), and warnings for what was cut short. */
    public record FileResult(Outcome outcome, List<SecretFinding> findings, List<Warning> warnings) {
        public FileResult {
            findings = List.copyOf(findings);
            warnings = List.copyOf(warnings);
        }

        static final FileResult BINARY = new FileResult(Outcome.BINARY, List.of(), List.of());
        static final FileResult TOO_LARGE = new FileResult(Outcome.TOO_LARGE, List.of(), List.of());
        static final FileResult EMPTY = new FileResult(Outcome.SCANNED, List.of(), List.of());
    }

    public SecretScanner(SecretRuleSet rules) {
        this(rules, Limits.DEFAULT);
    }

    public SecretScanner(SecretRuleSet rules, Limits limits) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.byIndex = rules.rules().toArray(SecretRule[]::new);
        this.groups = new int[byIndex.length];
        this.pathScoped = new boolean[byIndex.length];
        List<List<String>> keywords = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            groups[i] = byIndex[i].secretGroup();
            pathScoped[i] = !byIndex[i].paths().isEmpty();
            keywords.add(byIndex[i].keywords());
        }
        this.automaton = new KeywordAutomaton(keywords);
    }

    public SecretRuleSet rules() {
        return rules;
    }

    public Limits limits() {
        return limits;
    }

    /** Whether the first KiB of {@code data[0, length)} holds a NUL byte. */
    public static boolean isBinary(byte[] data, int length) {
        int n = Math.min(length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Scans a stream of {@code size} bytes, reading at most {@link Limits#maxFileBytes} of it. */
    public FileResult scan(String path, InputStream in, long size) throws IOException {
        if (size > limits.maxFileBytes()) {
            byte[] head = in.readNBytes(BINARY_PROBE);
            return isBinary(head, head.length) ? FileResult.BINARY : FileResult.TOO_LARGE;
        }
        byte[] data = in.readNBytes((int) size);
        return scan(path, data, data.length);
    }

    public FileResult scan(String path, byte[] data) {
        return scan(path, data, data.length);
    }

    /** Scans {@code data[0, length)}, the content of the file at {@code path}. */
    public FileResult scan(String path, byte[] data, int length) {
        if (length > limits.maxFileBytes()) {
            return isBinary(data, length) ? FileResult.BINARY : FileResult.TOO_LARGE;
        }
        if (isBinary(data, length)) {
            return FileResult.BINARY;
        }
        if (!automaton.any(data, 0, length)) {
            return FileResult.EMPTY;
        }
        FileScan scan = new FileScan(byIndex, groups, pathScoped, limits, path, data, length);
        automaton.scan(data, 0, length, scan);
        return scan.run();
    }
}
