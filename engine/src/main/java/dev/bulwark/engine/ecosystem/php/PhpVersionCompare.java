package dev.bulwark.engine.ecosystem.php;

import java.util.ArrayList;
import java.util.List;

/** PHP's {@code version_compare} on canonical token lists ({@code 1.0.0.0-beta2} is {@code 1 0 0 0 beta 2}). */
final class PhpVersionCompare {
    private static final String[] FORMS = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
    private static final int[] RANKS = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};
    private static final String NUMBER = "#N#";

    private PhpVersionCompare() {
    }

    /** php_canonicalize_version, split on dots. */
    static String[] tokens(String version) {
        if (version.isEmpty()) {
            return new String[0];
        }
        StringBuilder q = new StringBuilder();
        char lp = version.charAt(0);
        q.append(lp);
        for (int i = 1; i < version.length(); i++) {
            char p = version.charAt(i);
            char last = q.charAt(q.length() - 1);
            if (p == '-' || p == '_' || p == '+') {
                if (last != '.') {
                    q.append('.');
                }
            } else if ((isNonDigit(lp) && isDigit(p)) || (isDigit(lp) && isNonDigit(p))) {
                if (last != '.') {
                    q.append('.');
                }
                q.append(p);
            } else if (!Character.isLetterOrDigit(p) || p > 127) {
                if (last != '.') {
                    q.append('.');
                }
            } else {
                q.append(p);
            }
            lp = p;
        }
        List<String> out = new ArrayList<>();
        for (String t : q.toString().split("\\.", -1)) {
            out.add(t);
        }
        return out.toArray(new String[0]);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNonDigit(char c) {
        return !isDigit(c) && c != '.';
    }

    static int compare(String[] a, String[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareToken(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        if (a.length > n) {
            return startsWithDigit(a[n]) ? 1 : compare(slice(a, n), new String[] {NUMBER});
        }
        if (b.length > n) {
            return startsWithDigit(b[n]) ? -1 : compare(new String[] {NUMBER}, slice(b, n));
        }
        return 0;
    }

    private static String[] slice(String[] a, int from) {
        String[] out = new String[a.length - from];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }

    private static int compareToken(String a, String b) {
        boolean ad = startsWithDigit(a);
        boolean bd = startsWithDigit(b);
        if (ad && bd) {
            return compareNumbers(a, b);
        }
        if (!ad && !bd) {
            return Integer.signum(rank(a) - rank(b));
        }
        return ad ? Integer.signum(rank(NUMBER) - rank(b)) : Integer.signum(rank(a) - rank(NUMBER));
    }

    private static int compareNumbers(String a, String b) {
        int i = 0;
        while (i < a.length() - 1 && a.charAt(i) == '0') {
            i++;
        }
        int j = 0;
        while (j < b.length() - 1 && b.charAt(j) == '0') {
            j++;
        }
        int la = a.length() - i;
        int lb = b.length() - j;
        if (la != lb) {
            return la < lb ? -1 : 1;
        }
        return Integer.signum(a.substring(i).compareTo(b.substring(j)));
    }

    private static boolean startsWithDigit(String s) {
        return !s.isEmpty() && isDigit(s.charAt(0));
    }

    private static int rank(String form) {
        for (int k = 0; k < FORMS.length; k++) {
            if (form.startsWith(FORMS[k])) {
                return RANKS[k];
            }
        }
        return -6;
    }
}
