package dev.bulwark.engine.advisory;

/** What the source says about a fix for an affected package, kept apart so users can filter on it. */
public enum FixState {
    /** A fixed version exists (in the ranges). */
    FIXED,
    /** Affected and no fix published yet (Debian {@code open}). */
    UNFIXED,
    /** Debian {@code no-dsa}: minor issue, may be fixed in a point release, no security advisory planned. */
    NO_DSA,
    /** Debian {@code no-dsa} / {@code ignored}: the distribution will not fix it. */
    WONT_FIX,
    /** Debian {@code no-dsa} / {@code postponed}: fix deferred to a later update. */
    POSTPONED,
    /** The release was never affected (Debian {@code fixed_version 0}, Alpine secfixes {@code "0"}). */
    NOT_AFFECTED,
    /** The package is no longer supported in that release (Debian urgency {@code end-of-life}). */
    END_OF_LIFE,
    /** Debian {@code undetermined}: not yet triaged. */
    UNDETERMINED
}
