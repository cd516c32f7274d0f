package dev.bulwark.engine.advisory;

import java.util.List;
import java.util.Objects;

/**
 * One hit of a package lookup: what a matcher needs to decide (ranges, explicit versions, fix state, distro
 * severity) and the id of the advisory to fetch for display. The advisory's full {@link Affected} record (purl,
 * note, ecosystem_specific) is in {@code advisory(id)}.
 */
public record AffectedEntry(String advisoryId, PackageKey key, List<VersionRange> ranges, List<String> versions,
        FixState fixState, String distroSeverity) {
    public AffectedEntry {
        Objects.requireNonNull(advisoryId, "advisoryId");
        Objects.requireNonNull(key, "key");
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        Objects.requireNonNull(fixState, "fixState");
    }
}
