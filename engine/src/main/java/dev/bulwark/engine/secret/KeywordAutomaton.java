package dev.bulwark.engine.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Case-insensitive (ASCII) multi-keyword search over bytes: an Aho–Corasick automaton compiled to a dense table over
 * a small alphabet (bytes that occur in no keyword share one class), so the scan is one table load per byte. A state
 * that ends a keyword is stored negated, so the common no-hit path costs one sign test.
 */
final class KeywordAutomaton {
    private final int[] classOf = new int[256];
    private final int classes;
    private final int[] next;
    private final int[][] rulesAt;

    /** Reports a keyword hit: which rules it belongs to and the offset of the keyword's last byte. */
    interface Hits {
        void hit(int[] rules, int end);
    }

    /** @param keywords per rule, its lower-case keywords */
    KeywordAutomaton(List<List<String>> keywords) {
        int cls = 1;
        for (List<String> ks : keywords) {
            for (String k : ks) {
                for (byte b : k.getBytes(StandardCharsets.UTF_8)) {
                    int u = b & 0xff;
                    if (classOf[u] == 0) {
                        classOf[u] = cls;
                        int other = otherCase(u);
                        if (other != u) {
                            classOf[other] = cls;
                        }
                        cls++;
                    }
                }
            }
        }
        classes = cls;
        List<int[]> gotoTable = new ArrayList<>();
        List<TreeSet<Integer>> outputs = new ArrayList<>();
        gotoTable.add(newRow());
        outputs.add(new TreeSet<>());
        for (int r = 0; r < keywords.size(); r++) {
            for (String k : keywords.get(r)) {
                int s = 0;
                for (byte b : k.getBytes(StandardCharsets.UTF_8)) {
                    int c = classOf[b & 0xff];
                    if (gotoTable.get(s)[c] < 0) {
                        gotoTable.get(s)[c] = gotoTable.size();
                        gotoTable.add(newRow());
                        outputs.add(new TreeSet<>());
                    }
                    s = gotoTable.get(s)[c];
                }
                outputs.get(s).add(r);
            }
        }
        int states = gotoTable.size();
        int[] fail = new int[states];
        int[][] delta = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        delta[0] = new int[classes];
        for (int c = 0; c < classes; c++) {
            int t = gotoTable.get(0)[c];
            delta[0][c] = t < 0 ? 0 : t;
            if (t > 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            outputs.get(s).addAll(outputs.get(fail[s]));
            delta[s] = new int[classes];
            for (int c = 0; c < classes; c++) {
                int t = gotoTable.get(s)[c];
                if (t < 0) {
                    delta[s][c] = delta[fail[s]][c];
                } else {
                    delta[s][c] = t;
                    fail[t] = delta[fail[s]][c];
                    queue.add(t);
                }
            }
        }
        next = new int[states * classes];
        rulesAt = new int[states][];
        for (int s = 0; s < states; s++) {
            rulesAt[s] = outputs.get(s).stream().mapToInt(Integer::intValue).toArray();
            for (int c = 0; c < classes; c++) {
                int t = delta[s][c];
                next[s * classes + c] = outputs.get(t).isEmpty() ? t * classes : ~(t * classes);
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    private static int otherCase(int u) {
        if (u >= 'a' && u <= 'z') {
            return u - 32;
        }
        if (u >= 'A' && u <= 'Z') {
            return u + 32;
        }
        return u;
    }

    /** Whether any keyword occurs in {@code data[from, to)}, stopping at the first. */
    boolean any(byte[] data, int from, int to) {
        int[] next = this.next;
        int[] classOf = this.classOf;
        int s = 0;
        for (int i = from; i < to; i++) {
            s = next[s + classOf[data[i] & 0xff]];
            if (s < 0) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code hits} for every keyword occurrence in {@code data[from, to)}. */
    void scan(byte[] data, int from, int to, Hits hits) {
        int[] next = this.next;
        int[] classOf = this.classOf;
        int classes = this.classes;
        int s = 0;
        for (int i = from; i < to; i++) {
            s = next[s + classOf[data[i] & 0xff]];
            if (s < 0) {
                s = ~s;
                hits.hit(rulesAt[s / classes], i);
            }
        }
    }
}
