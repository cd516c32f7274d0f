package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.RangeEvent;
import dev.bulwark.engine.advisory.RangeType;
import dev.bulwark.engine.advisory.VersionRange;
import dev.bulwark.engine.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An affected entry with its range versions read once by its ecosystem's scheme, so that every installed package of
 * that name is decided by comparisons alone: each non-GIT range's events sorted by version (or the first event the
 * scheme cannot read, which skips the range), and each {@code fixed} event of any range. Listed versions stay text
 * ({@link ParsedEntries} compares each distinct one once).
 */
record ParsedEntry(AffectedEntry entry, List<Range> ranges, List<Event> fixes) {

    /** An event with its parsed version; {@code null} for {@code introduced 0}. */
    record Event(EventKind kind, String text, Version version) {
    }

    /**
     * One non-GIT range: its events sorted by version, or {@code invalid} naming the first event the scheme could not
     * read ({@code fixed 1.x}), which skips the range.
     */
    record Range(VersionRange range, List<Event> sorted, String invalid, String rule) {
    }

    private static final Comparator<Event> BY_VERSION = Comparator.comparing(Event::version,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Reads {@code entry}'s versions with {@code parse} (a scheme's parser, possibly remembering its answers). */
    static ParsedEntry of(AffectedEntry entry, Function<String, Optional<Version>> parse) {
        List<Range> ranges = new ArrayList<>(entry.ranges().size());
        List<Event> fixes = new ArrayList<>();
        for (VersionRange range : entry.ranges()) {
            for (RangeEvent e : range.events()) {
                if (e.kind() == EventKind.FIXED) {
                    // commit ids of GIT ranges included: the scheme rejects them, as comparing them would
                    parse.apply(e.version()).ifPresent(v -> fixes.add(new Event(EventKind.FIXED, e.version(), v)));
                }
            }
            if (range.type() != RangeType.GIT) {
                ranges.add(range(range, parse));
            }
        }
        return new ParsedEntry(entry, List.copyOf(ranges), List.copyOf(fixes));
    }

    private static Range range(VersionRange range, Function<String, Optional<Version>> parse) {
        List<Event> events = new ArrayList<>(range.events().size());
        for (RangeEvent e : range.events()) {
            boolean zero = e.kind() == EventKind.INTRODUCED && "0".equals(e.version());
            Version v = null;
            if (!zero) {
                Optional<Version> parsed = parse.apply(e.version());
                if (parsed.isEmpty()) {
                    return new Range(range, List.of(), e.kind().name().toLowerCase(Locale.ROOT) + " " + e.version(),
                            null);
                }
                v = parsed.get();
            }
            events.add(new Event(e.kind(), e.version(), v));
        }
        events.sort(BY_VERSION);
        StringBuilder rule = new StringBuilder(range.type().name()).append(" range: ");
        boolean first = true;
        for (RangeEvent e : range.events()) {
            if (!first) {
                rule.append(", ");
            }
            first = false;
            rule.append(e.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(e.version());
        }
        return new Range(range, List.copyOf(events), null, rule.toString());
    }
}
