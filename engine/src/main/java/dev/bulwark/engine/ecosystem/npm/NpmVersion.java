package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.version.SemVer;
import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm package version as node-semver 7 reads it: SemVer 2.0.0 with an optional leading {@code v}, surrounding
 * spaces ignored, numbers up to 2^53-1; in loose mode also {@code =}/spaces before it, leading zeros and a prerelease
 * without its {@code -}. Ordered by SemVer precedence (build metadata ignored).
 */
public final class NpmVersion implements Version {
    /** The npm scheme (strict node-semver parsing). */
    public static final VersionScheme SCHEME = VersionScheme.of("npm", t -> parseOrNull(t, false));

    static final long MAX_SAFE_INTEGER = 9007199254740991L;
    private static final Pattern FULL = Pattern.compile("^" + NpmGrammar.FULLPLAIN + "$");
    private static final Pattern LOOSE = Pattern.compile("^" + NpmGrammar.LOOSEPLAIN + "$");

    private final String text;
    private final SemVer semver;

    private NpmVersion(String text, SemVer semver) {
        this.text = text;
        this.semver = semver;
    }

    /** node-semver's {@code new SemVer(text, {loose})}, or null where it throws. */
    public static NpmVersion parseOrNull(String text, boolean loose) {
        if (text.length() > 256) {
            return null;
        }
        Matcher m = (loose ? LOOSE : FULL).matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long[] n = new long[3];
        for (int i = 0; i < 3; i++) {
            String g = m.group(i + 1);
            if (g.length() > 16) {
                return null;
            }
            n[i] = Long.parseLong(g);
            if (n[i] > MAX_SAFE_INTEGER) {
                return null;
            }
        }
        String pre = m.group(4);
        String build = m.group(5);
        return new NpmVersion(text, SemVer.of(n[0], n[1], n[2], pre == null ? new String[0] : pre.split("\\."),
                build == null ? "" : build));
    }

    @Override
    public String text() {
        return text;
    }

    /** The SemVer value. */
    public SemVer semver() {
        return semver;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof NpmVersion o)) {
            throw Version.mismatch(this, other);
        }
        return semver.compareTo(o.semver);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpmVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(semver.major() * 31 + semver.minor()) + (int) semver.patch();
    }

    @Override
    public String toString() {
        return text;
    }
}
