package dev.bulwark.engine.ecosystem.apk;

/** apk-tools 3's version tokenizer over one text: the current token's kind, span and suffix rank. */
final class ApkTokens {
    static final int INITIAL_DIGIT = 0;
    static final int DIGIT = 1;
    static final int LETTER = 2;
    static final int SUFFIX = 3;
    static final int SUFFIX_NO = 4;
    static final int COMMIT_HASH = 5;
    static final int REVISION_NO = 6;
    static final int END = 7;
    static final int INVALID = 8;

    static final int SUFFIX_INVALID = 0;
    static final int SUFFIX_NONE = 5;
    private static final String[] SUFFIXES = {"", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"};

    private final String s;
    private int pos;
    int token;
    int suffix;
    private int start;
    private int end;

    ApkTokens(String s) {
        this.s = s;
        token = INITIAL_DIGIT;
        digits();
    }

    void next() {
        if (pos >= s.length()) {
            token = END;
            return;
        }
        char c = s.charAt(pos);
        if (c >= 'a' && c <= 'z') {
            if (token > DIGIT) {
                token = INVALID;
                return;
            }
            start = pos;
            end = ++pos;
            token = LETTER;
        } else if (c == '.' || (c >= '0' && c <= '9')) {
            if (c == '.') {
                if (token > DIGIT) {
                    token = INVALID;
                    return;
                }
                pos++;
            }
            token = switch (token) {
                case SUFFIX -> SUFFIX_NO;
                case INITIAL_DIGIT, DIGIT -> DIGIT;
                default -> INVALID;
            };
            if (token != INVALID) {
                digits();
            }
        } else if (c == '_') {
            if (token > SUFFIX_NO) {
                token = INVALID;
                return;
            }
            start = ++pos;
            while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
                pos++;
            }
            end = pos;
            suffix = suffixValue();
            token = suffix == SUFFIX_INVALID ? INVALID : SUFFIX;
        } else if (c == '~') {
            if (token >= COMMIT_HASH) {
                token = INVALID;
                return;
            }
            start = ++pos;
            while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0 && s.charAt(pos) < 128) {
                pos++;
            }
            end = pos;
            token = end > start ? COMMIT_HASH : INVALID;
        } else if (c == '-') {
            if (token >= REVISION_NO || !s.startsWith("-r", pos)) {
                token = INVALID;
                return;
            }
            pos += 2;
            token = REVISION_NO;
            digits();
        } else {
            token = INVALID;
        }
    }

    /** Reads a run of digits; none at all makes the token invalid. */
    private void digits() {
        start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        end = pos;
        if (end == start) {
            token = INVALID;
        }
    }

    private int suffixValue() {
        int len = end - start;
        if (len == 0) {
            return SUFFIX_INVALID;
        }
        int val = switch (s.charAt(start)) {
            case 'a' -> 1;
            case 'b' -> 2;
            case 'c' -> 6;
            case 'g' -> 8;
            case 'h' -> 9;
            case 'p' -> len > 1 ? 3 : 10;
            case 'r' -> 4;
            case 's' -> 7;
            default -> SUFFIX_INVALID;
        };
        return val != SUFFIX_INVALID && SUFFIXES[val].length() == len && s.startsWith(SUFFIXES[val], start)
                ? val : SUFFIX_INVALID;
    }

    /** apk's token_cmp for two tokens of the same kind: -1, 0 or 1. */
    int compareValue(ApkTokens o) {
        switch (token) {
            case DIGIT:
                if ((end > start && s.charAt(start) == '0') || (o.end > o.start && o.s.charAt(o.start) == '0')) {
                    return textOrder(o);
                }
                return numberOrder(o);
            case INITIAL_DIGIT:
            case SUFFIX_NO:
            case REVISION_NO:
                return numberOrder(o);
            case LETTER:
                return Integer.signum(s.charAt(start) - o.s.charAt(o.start));
            case SUFFIX:
                return Integer.compare(suffix, o.suffix);
            default:
                return textOrder(o);
        }
    }

    private int numberOrder(ApkTokens o) {
        int i = start;
        while (i < end && s.charAt(i) == '0') {
            i++;
        }
        int j = o.start;
        while (j < o.end && o.s.charAt(j) == '0') {
            j++;
        }
        int la = end - i;
        int lb = o.end - j;
        if (la != lb) {
            return la < lb ? -1 : 1;
        }
        for (int k = 0; k < la; k++) {
            int d = s.charAt(i + k) - o.s.charAt(j + k);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    private int textOrder(ApkTokens o) {
        int la = end - start;
        int lb = o.end - o.start;
        for (int k = 0; k < Math.min(la, lb); k++) {
            int d = s.charAt(start + k) - o.s.charAt(o.start + k);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return Integer.compare(la, lb);
    }
}
