package dev.bulwark.engine.version;

/**
 * A version parsed once by its {@link VersionScheme}, so that comparing many times allocates nothing. Versions are
 * ordered only against versions of the same scheme; comparing across schemes is a programming error
 * ({@link IllegalArgumentException}). {@code compareTo} returning 0 means "the same version by the scheme's rules"
 * (dpkg {@code 1.0} and {@code 0:1.0-0}), which may differ from {@code equals} on the text.
 */
public interface Version extends Comparable<Version> {

    /** The text this version was parsed from, unchanged. */
    String text();

    /** Throws the cross-scheme error with both texts named. */
    static IllegalArgumentException mismatch(Version a, Version b) {
        return new IllegalArgumentException("cannot compare versions of different schemes: " + a.getClass().getSimpleName()
                + " " + a.text() + " and " + b.getClass().getSimpleName() + " " + b.text());
    }
}
