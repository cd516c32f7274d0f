package dev.bulwark.engine.advisory;

import java.util.List;
import java.util.Objects;

/**
 * An OSV range: events in the order the advisory gave them (matchers sort them with the ecosystem's version scheme;
 * this model never compares versions). Checked here: at least one {@code introduced}, not both {@code fixed} and
 * {@code last_affected}, and a repository for GIT ranges.
 * A range that ends where it starts (Chainguard writes {@code introduced 0, fixed 0} for not affected) is valid and
 * matches nothing.
 *
 * @param repo the repository URL of a GIT range, else null
 */
public record VersionRange(RangeType type, String repo, List<RangeEvent> events) {
    static final int MAX_EVENTS = 4096;

    public VersionRange {
        Objects.requireNonNull(type, "type");
        repo = Text.optional(repo, "repo", 2048);
        events = List.copyOf(events);
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a range needs 1 to " + MAX_EVENTS + " events, has " + events.size());
        }
        if (type == RangeType.GIT && repo == null) {
            throw new IllegalArgumentException("GIT range without repo");
        }
        boolean introduced = false;
        boolean fixed = false;
        boolean lastAffected = false;
        for (RangeEvent e : events) {
            introduced |= e.kind() == EventKind.INTRODUCED;
            fixed |= e.kind() == EventKind.FIXED;
            lastAffected |= e.kind() == EventKind.LAST_AFFECTED;
        }
        if (!introduced) {
            throw new IllegalArgumentException("range without an introduced event");
        }
        if (fixed && lastAffected) {
            throw new IllegalArgumentException("range with both fixed and last_affected events");
        }
    }

    /** Whether any event is a {@code fixed} event. */
    public boolean hasFix() {
        return events.stream().anyMatch(e -> e.kind() == EventKind.FIXED);
    }
}
