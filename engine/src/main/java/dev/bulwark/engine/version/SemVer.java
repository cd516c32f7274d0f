package dev.bulwark.engine.version;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Semantic Versioning 2.0.0 version ({@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}) ordered by SemVer
 * precedence: numbers numerically, a prerelease before its release, prerelease identifiers numeric-before-alphanumeric
 * and numerically or by ASCII, build metadata ignored. Shared by the npm, Go, Cargo and other SemVer-based schemes.
 */
public final class SemVer implements Comparable<SemVer> {
    private static final String[] NONE = new String[0];
    private final long major;
    private final long minor;
    private final long patch;
    private final String[] prerelease;
    private final String build;

    private SemVer(long major, long minor, long patch, String[] prerelease, String build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.build = build;
    }

    /**
     * A version from parts that the caller has already validated.
     *
     * @param prerelease identifiers, possibly empty
     * @param build build metadata without the {@code +}, or empty
     */
    public static SemVer of(long major, long minor, long patch, String[] prerelease, String build) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version number");
        }
        return new SemVer(major, minor, patch, prerelease.length == 0 ? NONE : prerelease.clone(),
                Objects.requireNonNull(build, "build"));
    }

    /** Strict SemVer 2.0.0 text (no {@code v}, no spaces, no leading zeros), or null when it is not. */
    public static SemVer parse(String text) {
        if (text == null) {
            return null;
        }
        int plus = text.indexOf('+');
        String build = "";
        String head = text;
        if (plus >= 0) {
            build = text.substring(plus + 1);
            head = text.substring(0, plus);
            if (!validIdentifiers(build, false)) {
                return null;
            }
        }
        int dash = head.indexOf('-');
        String[] pre = NONE;
        String core = head;
        if (dash >= 0) {
            String preText = head.substring(dash + 1);
            if (!validIdentifiers(preText, true)) {
                return null;
            }
            pre = preText.split("\\.", -1);
            core = head.substring(0, dash);
        }
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            return null;
        }
        long[] values = new long[3];
        for (int i = 0; i < 3; i++) {
            values[i] = number(numbers[i]);
            if (values[i] < 0) {
                return null;
            }
        }
        return new SemVer(values[0], values[1], values[2], pre, build);
    }

    /** A non-negative decimal without leading zeros that fits a long, else -1. */
    public static long number(String s) {
        if (s.isEmpty() || s.length() > 18 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Dot-separated non-empty identifiers of {@code [0-9A-Za-z-]}; numeric prerelease ones without leading zero. */
    public static boolean validIdentifiers(String s, boolean prerelease) {
        if (s.isEmpty()) {
            return false;
        }
        for (String id : s.split("\\.", -1)) {
            if (id.isEmpty()) {
                return false;
            }
            boolean numeric = true;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                if (!digit && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
                    return false;
                }
                numeric &= digit;
            }
            if (prerelease && numeric && id.length() > 1 && id.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    /** A copy of the prerelease identifiers; empty for a release. */
    public String[] prerelease() {
        return prerelease.clone();
    }

    public boolean isPrerelease() {
        return prerelease.length > 0;
    }

    /** The build metadata without {@code +}; empty when there is none. */
    public String build() {
        return build;
    }

    @Override
    public int compareTo(SemVer o) {
        int c = compareCore(o);
        return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
    }

    /** Orders by major, minor and patch only. */
    public int compareCore(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        return c != 0 ? c : Long.compare(patch, o.patch);
    }

    /** SemVer prerelease precedence; an empty list (a release) sorts after any prerelease. */
    public static int comparePrerelease(String[] a, String[] b) {
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 0 : (a.length == 0 ? 1 : -1);
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareIdentifier(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** Numeric identifiers numerically and before alphanumeric ones; others by ASCII. */
    public static int compareIdentifier(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            String sa = stripZeros(a);
            String sb = stripZeros(b);
            return sa.length() != sb.length() ? Integer.compare(sa.length(), sb.length()) : sa.compareTo(sb);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer v && compareTo(v) == 0 && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, Arrays.hashCode(prerelease), build);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.length == 0 ? "" : "-" + String.join(".", prerelease))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
