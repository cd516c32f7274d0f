package dev.bulwark.engine.advisory;

import java.util.List;
import java.util.Objects;

/**
 * One affected package of an advisory. Matching is by {@code ranges} and the explicit {@code versions} list (OSV
 * semantics: a version is affected if any range or the list includes it).
 *
 * @param purl the package URL the source gave, or null
 * @param fixState what the source says about a fix
 * @param distroSeverity the distribution's own rating ({@code medium}, {@code unimportant}...), or null
 * @param note a short source note (Debian no-dsa reason), or null
 * @param ecosystemSpecific OSV {@code ecosystem_specific} as compact JSON, or null
 * @param databaseSpecific OSV {@code database_specific} as compact JSON, or null
 */
public record Affected(PackageKey key, String purl, List<VersionRange> ranges, List<String> versions,
        FixState fixState, String distroSeverity, String note, String ecosystemSpecific, String databaseSpecific) {
    static final int MAX_VERSIONS = 100_000;
    static final int MAX_JSON = 1 << 16;

    public Affected {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fixState, "fixState");
        purl = Text.optional(purl, "purl", 2048);
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        if (versions.size() > MAX_VERSIONS) {
            throw new IllegalArgumentException("more than " + MAX_VERSIONS + " versions");
        }
        versions.forEach(v -> Text.require(v, "version", RangeEvent.MAX_VERSION));
        distroSeverity = Text.optional(distroSeverity, "distro severity", 64);
        note = Text.optional(note, "note", 4096);
        if (ecosystemSpecific != null && ecosystemSpecific.length() > MAX_JSON
                || databaseSpecific != null && databaseSpecific.length() > MAX_JSON) {
            throw new IllegalArgumentException("ecosystem_specific or database_specific over " + MAX_JSON + " chars");
        }
    }

    /** An affected package with only ranges, versions and fix state, as the distro feeds give it. */
    public static Affected of(PackageKey key, List<VersionRange> ranges, FixState fixState, String distroSeverity,
            String note) {
        return new Affected(key, null, ranges, List.of(), fixState, distroSeverity, note, null, null);
    }
}
