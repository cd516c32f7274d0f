package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.FixState;
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
import java.util.function.ToIntFunction;

/**
 * An affected entry read once by its ecosystem's scheme, so that every installed package of that name is decided by
 * comparisons alone: each non-GIT range's events sorted by version (or the first event the scheme cannot read, which
 * skips the range), each {@code fixed} event of any range, and its listed versions as positions in the key's
 * distinct listed versions ({@link ParsedEntries}), in the entry's order, those the scheme cannot read left out.
 * Only what a finding needs of the entry is kept, so a match holds little while it runs.
 */
record ParsedEntry(String advisoryId, FixState fixState, String distroSeverity, List<Range> ranges,
        List<Event> fixes, int[] listed) {

    /** An event with its parsed version; {@code null} for {@code introduced 0}. */
    record Event(EventKind kind, String text, Version version) {
    }

    /**
     * One non-GIT range: its events sorted by version, or {@code invalid} naming the first event the scheme could not
     * read ({@code fixed 1.x}), which skips the range.
     */
    record Range(List<Event> sorted, String invalid, String rule) {
    }

    private static final Comparator<Event> BY_VERSION = Comparator.comparing(Event::version,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Reads {@code entry} with {@code parse} (a scheme's parser, remembering its answers); {@code listedIndex} gives
     * the position of a listed text among the key's distinct readable ones, or -1 when the scheme cannot read it.
     */
    static ParsedEntry of(AffectedEntry entry, Function<String, Optional<Version>> parse,
            ToIntFunction<String> listedIndex) {
        int[] listed = new int[entry.versions().size()];
        int n = 0;
        for (String v : entry.versions()) {
            int i = listedIndex.applyAsInt(v);
            if (i >= 0) {
                listed[n++] = i;
            }
        }
        List<Range> ranges = new ArrayList<>(entry.ranges().size());
        List<Event> fixes = new ArrayList<>();
        for (VersionRange range : entry.ranges()) {
            for (RangeEvent e : range.events()) {
                if (e.kind() == EventKind.FIXED) {
                    // commit ids of GIT ranges included: the scheme rejects them, as comparing them would
                    parse.apply(e.version()).ifPresent(v -> fixes.add(new Event(EventKind.FIXED, v.text(), v)));
                }
            }
            if (range.type() != RangeType.GIT) {
                ranges.add(range(range, parse));
            }
        }
        return new ParsedEntry(entry.advisoryId(), entry.fixState(), entry.distroSeverity(), List.copyOf(ranges),
                List.copyOf(fixes), n == listed.length ? listed : java.util.Arrays.copyOf(listed, n));
    }

    private static Range range(VersionRange range, Function<String, Optional<Version>> parse) {
        List<Event> events = new ArrayList<>(range.events().size());
        for (RangeEvent e : range.events()) {
            boolean zero = e.kind() == EventKind.INTRODUCED && "0".equals(e.version());
            if (zero) {
                events.add(new Event(e.kind(), "0", null));
                continue;
            }
            Optional<Version> parsed = parse.apply(e.version());
            if (parsed.isEmpty()) {
                return new Range(List.of(), e.kind().name().toLowerCase(Locale.ROOT) + " " + e.version(), null);
            }
            // the parsed version's text is the event's text (versions are remembered by text), and is shared
            events.add(new Event(e.kind(), parsed.get().text(), parsed.get()));
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
        return new Range(List.copyOf(events), null, rule.toString());
    }
}
