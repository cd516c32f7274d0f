package dev.bulwark.engine.ecosystem.dotnet;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.Locale;

/**
 * A NuGet package version: SemVer 2.0.0 extended to NuGet's legacy forms ({@code 1.0}, four-part
 * {@code 1.2.3.4}, leading zeros), ordered as NuGet's {@code VersionComparer.Default}: numbers, then a release after
 * its prereleases, prerelease labels numeric-before-alphanumeric and alphanumeric ones without regard to case; build
 * metadata ignored.
 */
public final class NuGetVersion implements Version {
    /** The NuGet scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("nuget", NuGetVersion::parseOrNull);

    private final String text;
    private final long[] numbers;
    private final String[] labels;

    private NuGetVersion(String text, long[] numbers, String[] labels) {
        this.text = text;
        this.numbers = numbers;
        this.labels = labels;
    }

    /** The parsed version, or null where {@code NuGetVersion.TryParse} fails. */
    public static NuGetVersion parseOrNull(String text) {
        String t = text.strip();
        int plus = t.indexOf('+');
        if (plus >= 0) {
            if (!identifiers(t.substring(plus + 1), false)) {
                return null;
            }
            t = t.substring(0, plus);
        }
        int dash = t.indexOf('-');
        String[] labels = new String[0];
        if (dash >= 0) {
            String pre = t.substring(dash + 1);
            if (!identifiers(pre, true)) {
                return null;
            }
            labels = pre.split("\\.");
            t = t.substring(0, dash);
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return null;
        }
        long[] numbers = new long[4];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 9 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            numbers[i] = Long.parseLong(p);
        }
        return new NuGetVersion(text, numbers, labels);
    }

    private static boolean identifiers(String s, boolean prerelease) {
        if (s.isEmpty()) {
            return false;
        }
        for (String id : s.split("\\.", -1)) {
            if (id.isEmpty() || !id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z') || c == '-')) {
                return false;
            }
            if (prerelease && id.length() > 1 && id.charAt(0) == '0' && id.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String text() {
        return text;
    }

    public boolean isPrerelease() {
        return labels.length > 0;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof NuGetVersion o)) {
            throw Version.mismatch(this, other);
        }
        for (int i = 0; i < 4; i++) {
            int c = Long.compare(numbers[i], o.numbers[i]);
            if (c != 0) {
                return c;
            }
        }
        if (labels.length == 0 || o.labels.length == 0) {
            return labels.length == o.labels.length ? 0 : (labels.length == 0 ? 1 : -1);
        }
        for (int i = 0; i < Math.min(labels.length, o.labels.length); i++) {
            int c = compareLabel(labels[i], o.labels[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(labels.length, o.labels.length);
    }

    private static int compareLabel(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.toUpperCase(Locale.ROOT).compareTo(b.toUpperCase(Locale.ROOT)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NuGetVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(numbers[0] * 961 + numbers[1] * 31 + numbers[2]);
    }

    @Override
    public String toString() {
        return text;
    }
}
