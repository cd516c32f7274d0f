package dev.bulwark.engine.advisory.debian;

import java.util.Map;
import java.util.Set;

/** Debian release codenames and the version numbers OSV uses in ecosystem names ({@code Debian:12}). */
final class DebianReleases {
    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("sarge", "3.1"),
            Map.entry("etch", "4"), Map.entry("lenny", "5"), Map.entry("squeeze", "6"), Map.entry("wheezy", "7"),
            Map.entry("jessie", "8"), Map.entry("stretch", "9"), Map.entry("buster", "10"),
            Map.entry("bullseye", "11"), Map.entry("bookworm", "12"), Map.entry("trixie", "13"),
            Map.entry("forky", "14"), Map.entry("duke", "15"));
    /** Suites without a release number: not matched against, and not worth a warning. */
    private static final Set<String> UNNUMBERED = Set.of("sid", "experimental", "unstable", "testing");

    private DebianReleases() {
    }

    /** {@code Debian:12} for {@code bookworm}, or null when the codename has no number. */
    static String ecosystem(String codename) {
        String n = NUMBERS.get(codename);
        return n == null ? null : "Debian:" + n;
    }

    static boolean isUnnumbered(String codename) {
        return UNNUMBERED.contains(codename);
    }
}
