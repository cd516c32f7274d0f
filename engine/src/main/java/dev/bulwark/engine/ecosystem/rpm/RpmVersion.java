package dev.bulwark.engine.ecosystem.rpm;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;

/**
 * An rpm {@code [epoch:]version[-release]} ordered as librpm's {@code rpmverCmp} orders it (rpm 4.18): epoch (missing
 * is 0), then version, then release (a missing release sorts before any), each by {@code rpmvercmp}: runs of digits
 * numerically, runs of letters by ASCII, other characters only separate, {@code ~} sorts before everything (even the
 * end) and {@code ^} after the end but before anything else. So {@code 1.0~rc1 < 1.0 < 1.0^git1 < 1.0.1}.
 */
public final class RpmVersion implements Version {
    /** The rpm scheme, for Red Hat, AlmaLinux, Rocky Linux, SUSE and other rpm distributions. */
    public static final VersionScheme SCHEME = VersionScheme.of("rpm", RpmVersion::parseOrNull);

    private final String text;
    private final String epoch;
    private final String version;
    private final String release;

    private RpmVersion(String text, String epoch, String version, String release) {
        this.text = text;
        this.epoch = epoch;
        this.version = version;
        this.release = release;
    }

    /** The parsed version, or null for an empty text, an empty version or control characters. */
    public static RpmVersion parseOrNull(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i)) || Character.isWhitespace(text.charAt(i))) {
                return null;
            }
        }
        int digits = 0;
        while (digits < text.length() && isDigit(text.charAt(digits))) {
            digits++;
        }
        String epoch = "0";
        String rest = text;
        if (digits < text.length() && text.charAt(digits) == ':') {
            epoch = digits == 0 ? "0" : text.substring(0, digits);
            rest = text.substring(digits + 1);
        }
        int dash = rest.lastIndexOf('-');
        String version = dash < 0 ? rest : rest.substring(0, dash);
        String release = dash < 0 ? null : rest.substring(dash + 1);
        if (version.isEmpty()) {
            return null;
        }
        return new RpmVersion(text, epoch, version, release);
    }

    @Override
    public String text() {
        return text;
    }

    public String epoch() {
        return epoch;
    }

    public String version() {
        return version;
    }

    /** The release, or null when the text has none. */
    public String release() {
        return release;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof RpmVersion o)) {
            throw Version.mismatch(this, other);
        }
        int c = rpmvercmp(epoch, o.epoch);
        if (c == 0) {
            c = rpmvercmp(version, o.version);
        }
        if (c == 0) {
            c = rpmvercmp(release == null ? "" : release, o.release == null ? "" : o.release);
        }
        return c;
    }

    /** librpm's rpmvercmp on two strings; -1, 0 or 1. */
    public static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isSeparator(b.charAt(j))) {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            int endA = i;
            int endB = j;
            boolean numeric = isDigit(ca);
            if (numeric) {
                while (endA < a.length() && isDigit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && isDigit(b.charAt(endB))) {
                    endB++;
                }
            } else {
                while (endA < a.length() && isAlpha(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && isAlpha(b.charAt(endB))) {
                    endB++;
                }
            }
            if (endB == j) {
                return numeric ? 1 : -1;
            }
            if (numeric) {
                while (i < endA - 1 && a.charAt(i) == '0') {
                    i++;
                }
                while (j < endB - 1 && b.charAt(j) == '0') {
                    j++;
                }
                int lenA = endA - i;
                int lenB = endB - j;
                if (lenA != lenB) {
                    return lenA > lenB ? 1 : -1;
                }
            }
            int c = compareRange(a, i, endA, b, j, endB);
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        boolean endOfA = i >= a.length();
        boolean endOfB = j >= b.length();
        if (endOfA && endOfB) {
            return 0;
        }
        return endOfA ? -1 : 1;
    }

    private static int compareRange(String a, int i, int endA, String b, int j, int endB) {
        int n = Math.min(endA - i, endB - j);
        for (int k = 0; k < n; k++) {
            int d = a.charAt(i + k) - b.charAt(j + k);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return Integer.compare(endA - i, endB - j);
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isAlpha(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RpmVersion v && compareTo(v) == 0;
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
