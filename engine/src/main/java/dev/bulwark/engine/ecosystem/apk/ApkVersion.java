package dev.bulwark.engine.ecosystem.apk;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;

/**
 * An Alpine package version {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}} ordered as apk-tools 3 orders
 * it: numbers numerically (a later component with a leading zero by its text, as Gentoo does), one optional letter,
 * suffixes {@code alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p}, then a commit hash {@code ~hex} by its text, then the {@code -r} revision. A
 * version that apk's validator rejects is invalid here.
 */
public final class ApkVersion implements Version {
    /** The apk scheme, for Alpine, Wolfi and Chainguard. */
    public static final VersionScheme SCHEME = VersionScheme.of("apk", ApkVersion::parseOrNull);

    private final String text;

    private ApkVersion(String text) {
        this.text = text;
    }

    /** The parsed version, or null when apk-tools would not accept it. */
    public static ApkVersion parseOrNull(String text) {
        return isValid(text) ? new ApkVersion(text) : null;
    }

    /** apk-tools' {@code apk_version_validate}. */
    public static boolean isValid(String text) {
        ApkTokens t = new ApkTokens(text);
        while (t.token < ApkTokens.END) {
            t.next();
        }
        return t.token == ApkTokens.END;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof ApkVersion o)) {
            throw Version.mismatch(this, other);
        }
        return compare(text, o.text, false);
    }

    /**
     * apk-tools' comparison of any two texts, valid or not: -1, 0 or 1. With {@code fuzzy}, {@code a} equals
     * {@code b} when {@code b}'s components are a prefix of {@code a}'s ({@code 3.6.9 ~ 3.6}).
     */
    public static int compare(String a, String b, boolean fuzzy) {
        ApkTokens ta = new ApkTokens(a);
        ApkTokens tb = new ApkTokens(b);
        while (ta.token == tb.token && ta.token < ApkTokens.END) {
            int r = ta.compareValue(tb);
            if (r != 0) {
                return r;
            }
            ta.next();
            tb.next();
        }
        if (ta.token == tb.token || (tb.token == ApkTokens.END && fuzzy)) {
            return 0;
        }
        if (ta.token == ApkTokens.SUFFIX && ta.suffix < ApkTokens.SUFFIX_NONE) {
            return -1;
        }
        if (tb.token == ApkTokens.SUFFIX && tb.suffix < ApkTokens.SUFFIX_NONE) {
            return 1;
        }
        return Integer.compare(tb.token, ta.token);
    }

    /**
     * apk's {@code apk_version_match}: whether {@code a OP b} holds for an operator made of {@code <}, {@code >},
     * {@code =} and {@code ~} (fuzzy equality).
     *
     * @throws IllegalArgumentException for any other operator character
     */
    public static boolean matches(String a, String op, String b) {
        boolean less = false;
        boolean greater = false;
        boolean equal = false;
        boolean fuzzy = false;
        for (int i = 0; i < op.length(); i++) {
            switch (op.charAt(i)) {
                case '<' -> less = true;
                case '>' -> greater = true;
                case '=' -> equal = true;
                case '~' -> {
                    fuzzy = true;
                    equal = true;
                }
                default -> throw new IllegalArgumentException("not an apk operator: " + op);
            }
        }
        int c = compare(a, b, fuzzy);
        return c < 0 ? less : c > 0 ? greater : equal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApkVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
