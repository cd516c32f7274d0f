package dev.bulwark.engine.secret;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Finds secrets in one file's bytes. A keyword automaton runs over the whole file first; a rule's regex then runs
 * only on the lines around that rule's keyword hits (at most the rule's reach either side of a hit), under a budget
 * of characters read and of window bytes per rule. Files with a NUL byte in their first KiB are binary and skipped, as are files over
 * {@link Limits#maxFileBytes} (the caller counts those). Findings carry only the masked secret.
 *
 * <p>Stateless and thread-safe: layers are scanned in parallel with one scanner.
 */
public final class SecretScanner {
    static final int BINARY_PROBE = 1024;
    /** Characters a regex may read per byte of its window, plus a fixed allowance: generous for sane rules. */
    private static final int BUDGET_PER_BYTE = 64;
    private static final int BUDGET_BASE = 200_000;

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
        Windows windows = new Windows(path, data, length);
        automaton.scan(data, 0, length, windows);
        return windows.run();
    }

    /** The per-file state: for each rule, the merged windows around its keyword hits. */
    private final class Windows implements KeywordAutomaton.Hits {
        private final String path;
        private final byte[] data;
        private final int length;
        private final int[] openStart;
        private final int[] openEnd;
        private final int[][] closed;
        private final int[] closedCount;
        private final byte[] applies; // 0 unknown, 1 yes, 2 no

        Windows(String path, byte[] data, int length) {
            this.path = path;
            this.data = data;
            this.length = length;
            int n = byIndex.length;
            openStart = new int[n];
            openEnd = new int[n];
            java.util.Arrays.fill(openEnd, -1);
            closed = new int[n][];
            closedCount = new int[n];
            applies = new byte[n];
        }

        @Override
        public void hit(int[] ruleIndexes, int end) {
            for (int r : ruleIndexes) {
                if (end < openEnd[r]) {
                    continue;
                }
                if (pathScoped[r]) {
                    if (applies[r] == 0) {
                        applies[r] = (byte) (byIndex[r].appliesTo(path) ? 1 : 2);
                    }
                    if (applies[r] == 2) {
                        continue;
                    }
                }
                int reach = byIndex[r].reach();
                int start = lineStart(end, byIndex[r].before(), reach);
                int stop = lineEnd(end, byIndex[r].after(), reach);
                if (openEnd[r] >= 0 && start <= openEnd[r]) {
                    openEnd[r] = Math.max(openEnd[r], stop);
                } else {
                    if (openEnd[r] >= 0) {
                        close(r);
                    }
                    openStart[r] = start;
                    openEnd[r] = stop;
                }
            }
        }

        private void close(int r) {
            int[] list = closed[r];
            if (list == null) {
                list = closed[r] = new int[8];
            } else if (closedCount[r] + 2 > list.length) {
                list = closed[r] = java.util.Arrays.copyOf(list, list.length * 2);
            }
            list[closedCount[r]++] = openStart[r];
            list[closedCount[r]++] = openEnd[r];
        }

        private int lineStart(int pos, int extraLines, int window) {
            int i = pos;
            for (int line = 0; line <= extraLines && i > 0; line++) {
                int limit = Math.max(0, i - window);
                if (line > 0) {
                    i--; // step over the newline ending the previous line
                }
                while (i > limit && data[i - 1] != '\n') {
                    i--;
                }
            }
            return i;
        }

        private int lineEnd(int pos, int extraLines, int window) {
            int i = pos;
            for (int line = 0; line <= extraLines && i < length; line++) {
                int limit = Math.min(length, i + window);
                while (i < limit && data[i] != '\n') {
                    i++;
                }
                if (i < length && data[i] == '\n') {
                    i++;
                }
            }
            return i;
        }

        FileResult run() {
            List<long[]> matches = new ArrayList<>(); // {start, end, rule}
            List<Warning> warnings = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            for (int r = 0; r < byIndex.length; r++) {
                if (openEnd[r] < 0) {
                    continue;
                }
                close(r);
                long read = 0;
                for (int w = 0; w < closedCount[r]; w += 2) {
                    int from = closed[r][w];
                    int to = closed[r][w + 1];
                    read += to - from;
                    if (read > limits.maxRegexBytes()) {
                        warnings.add(new Warning("secret.keyword-flood", path + ": rule " + byIndex[r].id()
                                + " stopped at byte " + from + " (the file is dense with its keywords)"));
                        break;
                    }
                    if (!match(r, from, to, matches, secrets)) {
                        warnings.add(new Warning("secret.regex-budget", path + ": rule " + byIndex[r].id()
                                + " stopped at byte " + from + " (too costly on this input)"));
                        break;
                    }
                }
            }
            return findings(matches, secrets, warnings);
        }

        private boolean match(int r, int from, int to, List<long[]> matches, List<String> secrets) {
            SecretRule rule = byIndex[r];
            long[] budget = {(long) (to - from) * BUDGET_PER_BYTE + BUDGET_BASE};
            Matcher m = rule.regex().matcher(new BudgetedChars(data, from, to - from, budget));
            try {
                while (m.find()) {
                    if (matches.size() > 2 * limits.maxFindingsPerFile()) {
                        return true; // enough to report the cap; the rest would only be dropped
                    }
                    int g = groups[r];
                    if (m.start(g) < 0 || m.end(g) <= m.start(g)) {
                        continue;
                    }
                    String secret = m.group(g);
                    if (rule.dismisses(secret)) {
                        continue;
                    }
                    matches.add(new long[] {from + m.start(g), from + m.end(g), r, secrets.size()});
                    secrets.add(SecretMask.mask(secret));
                }
                return true;
            } catch (BudgetedChars.Exhausted e) {
                return false;
            } catch (StackOverflowError e) {
                return false; // a user regex with deep alternation recursion: treated like an exhausted budget
            }
        }

        private FileResult findings(List<long[]> matches, List<String> masked, List<Warning> warnings) {
            if (matches.isEmpty()) {
                return warnings.isEmpty() ? FileResult.EMPTY : new FileResult(Outcome.SCANNED, List.of(), warnings);
            }
            // One secret found by several rules (a Slack token in a bearer header) is reported once, by the rule
            // listed first: provider rules come before generic ones in the rule file.
            matches.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                    : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
            List<SecretFinding> out = new ArrayList<>();
            int line = 1;
            int pos = 0;
            long lastStart = -1;
            long lastEnd = -1;
            for (long[] m : matches) {
                if (m[0] == lastStart && m[1] == lastEnd) {
                    continue;
                }
                lastStart = m[0];
                lastEnd = m[1];
                if (out.size() >= limits.maxFindingsPerFile()) {
                    warnings.add(new Warning("secret.too-many-findings", path + ": more than "
                            + limits.maxFindingsPerFile() + " secrets; the rest not reported"));
                    break;
                }
                int start = (int) m[0];
                int end = (int) m[1];
                for (; pos < start; pos++) {
                    if (data[pos] == '\n') {
                        line++;
                    }
                }
                int endLine = line;
                for (int i = start; i < end - 1; i++) {
                    if (data[i] == '\n') {
                        endLine++;
                    }
                }
                SecretRule rule = byIndex[(int) m[2]];
                out.add(new SecretFinding(rule.id(), rule.title(), rule.severity(),
                        Location.lines(path, line, endLine), masked.get((int) m[3]), false));
            }
            return new FileResult(Outcome.SCANNED, out, warnings);
        }
    }
}
