package dev.bulwark.engine.policy.exception;

/**
 * Glob matching by dynamic programming (time bounded by pattern length times text length, no backtracking):
 * {@code *} matches any run of characters but {@code /}, {@code **} any run at all, {@code ?} one character but
 * {@code /}. Case-sensitive.
 */
public final class Glob {
    private static final int MAX_LENGTH = 4096;

    private Glob() {
    }

    public static boolean matches(String glob, String text) {
        if (text == null || glob.length() > MAX_LENGTH || text.length() > MAX_LENGTH) {
            return false;
        }
        int n = text.length();
        // can[t]: the pattern consumed so far matches text[0..t).
        boolean[] can = new boolean[n + 1];
        can[0] = true;
        int g = 0;
        while (g < glob.length()) {
            char c = glob.charAt(g);
            boolean[] next = new boolean[n + 1];
            if (c == '*') {
                boolean any = g + 1 < glob.length() && glob.charAt(g + 1) == '*';
                g += any ? 2 : 1;
                for (int t = 0; t <= n; t++) {
                    next[t] = can[t] || (t > 0 && next[t - 1] && (any || text.charAt(t - 1) != '/'));
                }
            } else {
                for (int t = 1; t <= n; t++) {
                    char x = text.charAt(t - 1);
                    next[t] = can[t - 1] && (c == '?' ? x != '/' : c == x);
                }
                g++;
            }
            can = next;
        }
        return can[n];
    }
}
