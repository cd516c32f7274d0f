package dev.bulwark.engine.secret;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One file's scan: collects, per rule, the merged windows (lines around its keyword hits, within the rule's reach),
 * then runs each rule's regex on its windows under a character budget and turns matches into masked findings with
 * line numbers. The raw secret exists only while its match is checked against the allowlists.
 */
final class FileScan implements KeywordAutomaton.Hits {
    /** Characters a regex may read per byte of its window, plus a fixed allowance: generous for sane rules. */
    private static final int BUDGET_PER_BYTE = 64;
    private static final int BUDGET_BASE = 200_000;

    private final SecretRule[] byIndex;
    private final int[] groups;
    private final boolean[] pathScoped;
    private final SecretScanner.Limits limits;
    private final String path;
    private final byte[] data;
    private final int length;
    private final int[] openStart;
    private final int[] openEnd;
    private final int[][] closed;
    private final int[] closedCount;
    private final byte[] applies; // 0 unknown, 1 yes, 2 no

    FileScan(SecretRule[] byIndex, int[] groups, boolean[] pathScoped, SecretScanner.Limits limits, String path,
            byte[] data, int length) {
        this.byIndex = byIndex;
        this.groups = groups;
        this.pathScoped = pathScoped;
        this.limits = limits;
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

    SecretScanner.FileResult run() {
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

    private SecretScanner.FileResult findings(List<long[]> matches, List<String> masked, List<Warning> warnings) {
        if (matches.isEmpty()) {
            return warnings.isEmpty() ? SecretScanner.FileResult.EMPTY
                    : new SecretScanner.FileResult(SecretScanner.Outcome.SCANNED, List.of(), warnings);
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
        return new SecretScanner.FileResult(SecretScanner.Outcome.SCANNED, out, warnings);
    }
}
