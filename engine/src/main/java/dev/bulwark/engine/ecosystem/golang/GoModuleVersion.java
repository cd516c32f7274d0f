package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.version.SemVer;
import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go module or toolchain version ordered by SemVer precedence: {@code v1.2.3} or OSV's {@code 1.2.3}, the
 * shorthands {@code v1} and {@code v1.2} that golang.org/x/mod/semver accepts, pseudo-versions
 * ({@code v0.0.0-20191109021931-daa7c04131f5}, plain prereleases) and {@code +incompatible} (build metadata, ignored).
 * Toolchain versions of the {@code stdlib} module ({@code go1.21.3}, {@code 1.21rc2}, {@code go1.20}) read as
 * {@code 1.21.3}, {@code 1.21.0-rc.2} and {@code 1.20.0}, as the Go vulnerability database writes them.
 */
public final class GoModuleVersion implements Version {
    /** The Go scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("go", GoModuleVersion::parseOrNull);

    private static final Pattern TOOLCHAIN = Pattern.compile("(?:go)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?");
    private static final Pattern SHORT = Pattern.compile("v(\\d+)(?:\\.(\\d+))?");

    private final String text;
    private final SemVer semver;

    private GoModuleVersion(String text, SemVer semver) {
        this.text = text;
        this.semver = semver;
    }

    /** The parsed version, or null when it is neither a module nor a toolchain version. */
    public static GoModuleVersion parseOrNull(String text) {
        String t = text.strip();
        SemVer s = SemVer.parse(t.startsWith("v") ? t.substring(1) : t);
        if (s == null) {
            s = toolchain(t);
        }
        if (s == null) {
            Matcher m = SHORT.matcher(t);
            if (m.matches()) {
                long major = SemVer.number(m.group(1));
                long minor = m.group(2) == null ? 0 : SemVer.number(m.group(2));
                s = major < 0 || minor < 0 ? null : SemVer.of(major, minor, 0, new String[0], "");
            }
        }
        return s == null ? null : new GoModuleVersion(text, s);
    }

    private static SemVer toolchain(String t) {
        Matcher m = TOOLCHAIN.matcher(t);
        if (!m.matches()) {
            return null;
        }
        long major = SemVer.number(m.group(1));
        long minor = SemVer.number(m.group(2));
        long patch = m.group(3) == null ? 0 : SemVer.number(m.group(3));
        if (major < 0 || minor < 0 || patch < 0) {
            return null;
        }
        String[] pre = m.group(4) == null ? new String[0] : new String[] {m.group(4), m.group(5)};
        return SemVer.of(major, minor, patch, pre, "");
    }

    @Override
    public String text() {
        return text;
    }

    /** The SemVer value. */
    public SemVer semver() {
        return semver;
    }

    /** Whether the build metadata says {@code incompatible} (a v2+ module without a go.mod). */
    public boolean isIncompatible() {
        return semver.build().equals("incompatible");
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof GoModuleVersion o)) {
            throw Version.mismatch(this, other);
        }
        return semver.compareTo(o.semver);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoModuleVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(semver.major() * 961 + semver.minor() * 31 + semver.patch());
    }

    @Override
    public String toString() {
        return text;
    }
}
