package dev.bulwark.engine.ecosystem.dpkg;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]} ordered as {@code dpkg --compare-versions} orders it:
 * epoch numerically, then upstream and revision by dpkg's alternating non-digit/digit comparison where {@code ~} sorts
 * before everything, even the end, and letters before other characters. So {@code 1.0~rc1 < 1.0 < 1.0+deb12u1} and a
 * binNMU {@code 1.0-1+b1} sorts after {@code 1.0-1}. Texts that dpkg rejects as errors are invalid; its mere warnings
 * (an upstream not starting with a digit) are accepted, as dpkg accepts them.
 */
public final class DebianVersion implements Version {
    /** The dpkg scheme, for Debian and Ubuntu. */
    public static final VersionScheme SCHEME = VersionScheme.of("dpkg", DebianVersion::parseOrNull);

    private final String text;
    private final long epoch;
    private final String upstream;
    private final String revision;

    private DebianVersion(String text, long epoch, String upstream, String revision) {
        this.text = text;
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
    }

    /** The parsed version, or null when dpkg would refuse it with an error. */
    public static DebianVersion parseOrNull(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return null;
            }
        }
        long epoch = 0;
        int colon = s.indexOf(':');
        String rest = s;
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || e.length() > 10) {
                return null;
            }
            for (int i = 0; i < e.length(); i++) {
                if (e.charAt(i) < '0' || e.charAt(i) > '9') {
                    return null;
                }
            }
            epoch = Long.parseLong(e);
            if (epoch > Integer.MAX_VALUE) {
                return null;
            }
            rest = s.substring(colon + 1);
            if (rest.isEmpty()) {
                return null;
            }
        }
        int dash = rest.lastIndexOf('-');
        String upstream = rest;
        String revision = "";
        if (dash >= 0) {
            upstream = rest.substring(0, dash);
            revision = rest.substring(dash + 1);
            if (revision.isEmpty()) {
                return null;
            }
        }
        if (upstream.isEmpty()) {
            return null;
        }
        return new DebianVersion(text, epoch, upstream, revision);
    }

    @Override
    public String text() {
        return text;
    }

    public long epoch() {
        return epoch;
    }

    public String upstream() {
        return upstream;
    }

    /** The Debian revision, empty when the version has none (dpkg treats that like {@code 0}). */
    public String revision() {
        return revision;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof DebianVersion o)) {
            throw Version.mismatch(this, other);
        }
        int c = Long.compare(epoch, o.epoch);
        if (c == 0) {
            c = compareSegment(upstream, o.upstream);
        }
        return c != 0 ? c : compareSegment(revision, o.revision);
    }

    /** dpkg's verrevcmp: alternating runs of non-digits (by {@link #order}) and digits (numerically). */
    static int compareSegment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = i < a.length() ? order(a.charAt(i)) : 0;
                int bc = j < b.length() ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebianVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epoch);
    }

    @Override
    public String toString() {
        return text;
    }
}
