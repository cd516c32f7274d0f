package dev.bulwark.engine.advisory;

/** How the versions of a range's events are ordered (OSV {@code ranges[].type}). */
public enum RangeType {
    /** The ecosystem's own version ordering (dpkg, PEP 440, Maven...). */
    ECOSYSTEM,
    /** Semantic Versioning 2.0 ordering. */
    SEMVER,
    /** Git commits; ordering needs the repository, so matchers by version skip these ranges. */
    GIT
}
