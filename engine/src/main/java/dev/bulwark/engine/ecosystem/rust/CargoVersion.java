package dev.bulwark.engine.ecosystem.rust;

import dev.bulwark.engine.version.SemVer;
import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;

/**
 * A crates.io version: strict SemVer 2.0.0 as Cargo requires it (no {@code v}, no leading zeros), ordered by SemVer
 * precedence. Build metadata does not change the order, as OSV's SEMVER ranges require (the semver crate's own
 * {@code Ord} would break such ties by the build text).
 */
public final class CargoVersion implements Version {
    /** The Cargo scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("cargo", CargoVersion::parseOrNull);

    private final String text;
    private final SemVer semver;

    private CargoVersion(String text, SemVer semver) {
        this.text = text;
        this.semver = semver;
    }

    /** The parsed version, or null when it is not strict SemVer. */
    public static CargoVersion parseOrNull(String text) {
        SemVer s = SemVer.parse(text.strip());
        return s == null ? null : new CargoVersion(text, s);
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
        if (!(other instanceof CargoVersion o)) {
            throw Version.mismatch(this, other);
        }
        return semver.compareTo(o.semver);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CargoVersion v && compareTo(v) == 0;
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
