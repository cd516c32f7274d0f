package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.RangeEvent;
import dev.bulwark.engine.advisory.RangeType;
import dev.bulwark.engine.advisory.VersionRange;
import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides whether one installed version is inside an advisory's affected ranges or list, the way the OSV schema
 * defines it: events sorted by version ({@code introduced 0} first); an {@code introduced} at or below the version
 * opens a vulnerable span, a {@code fixed} at or below it closes one, a {@code last_affected} below it closes one,
 * and a {@code limit} at or below it ends the range. GIT ranges name commits, not versions, and are skipped.
 */
final class RangeEvaluator {
    private RangeEvaluator() {
    }

    /** Why a version matched: the rule as written, the comparison that decided, and the fixes above it. */
    record Verdict(String rule, String comparison, List<String> fixedVersions) {
    }

    /**
     * The verdict when {@code installed} is affected by {@code entry}; empty when it is not. Versions in the
     * advisory that the scheme cannot read are reported to {@code invalid} and their range is skipped.
     */
    static Optional<Verdict> evaluate(Version installed, AffectedEntry entry, VersionScheme scheme,
            Consumer<String> invalid) {
        for (String listed : entry.versions()) {
            Optional<Version> v = scheme.parse(listed);
            if (v.isPresent() && v.get().compareTo(installed) == 0) {
                return Optional.of(new Verdict("versions list includes " + listed,
                        installed.text() + " = " + listed + " (" + scheme.name() + ")", fixes(installed, entry, scheme)));
            }
        }
        for (VersionRange range : entry.ranges()) {
            if (range.type() == RangeType.GIT) {
                continue;
            }
            Optional<Verdict> verdict = inRange(installed, range, scheme, invalid);
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        return Optional.empty();
    }

    private record Event(EventKind kind, String text, Version version) {
    }

    private static Optional<Verdict> inRange(Version installed, VersionRange range, VersionScheme scheme,
            Consumer<String> invalid) {
        List<Event> events = new ArrayList<>(range.events().size());
        for (RangeEvent e : range.events()) {
            boolean zero = e.kind() == EventKind.INTRODUCED && "0".equals(e.version());
            Version v = null;
            if (!zero) {
                Optional<Version> parsed = scheme.parse(e.version());
                if (parsed.isEmpty()) {
                    invalid.accept(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.version());
                    return Optional.empty();
                }
                v = parsed.get();
            }
            events.add(new Event(e.kind(), e.version(), v));
        }
        events.sort(Comparator.comparing(Event::version, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean vulnerable = false;
        Event opened = null;
        for (Event e : events) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (e.version() == null || installed.compareTo(e.version()) >= 0) {
                        vulnerable = true;
                        opened = e;
                    }
                }
                case FIXED -> {
                    if (installed.compareTo(e.version()) >= 0) {
                        vulnerable = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (installed.compareTo(e.version()) > 0) {
                        vulnerable = false;
                    }
                }
                case LIMIT -> {
                    if (installed.compareTo(e.version()) >= 0) {
                        return Optional.empty();
                    }
                }
            }
        }
        if (!vulnerable) {
            return Optional.empty();
        }
        // The event that bounds the open span from above, if any: the first fixed or last_affected past the version.
        Event bound = null;
        for (Event e : events) {
            if ((e.kind() == EventKind.FIXED && installed.compareTo(e.version()) < 0)
                    || (e.kind() == EventKind.LAST_AFFECTED && installed.compareTo(e.version()) <= 0)) {
                bound = e;
                break;
            }
        }
        StringBuilder rule = new StringBuilder();
        for (RangeEvent e : range.events()) {
            if (!rule.isEmpty()) {
                rule.append(", ");
            }
            rule.append(e.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(e.version());
        }
        String comparison;
        List<String> fixed = new ArrayList<>();
        if (bound == null) {
            comparison = installed.text() + " >= " + (opened.version() == null ? "0" : opened.text())
                    + ", no fix recorded (" + scheme.name() + ")";
        } else if (bound.kind() == EventKind.FIXED) {
            comparison = installed.text() + " < " + bound.text() + " (" + scheme.name() + ")";
            fixed.add(bound.text());
        } else {
            comparison = installed.text() + " <= " + bound.text() + " (last affected; " + scheme.name() + ")";
        }
        return Optional.of(new Verdict(range.type().name() + " range: " + rule, comparison, fixed));
    }

    private static List<String> fixes(Version installed, AffectedEntry entry, VersionScheme scheme) {
        List<String> out = new ArrayList<>();
        for (VersionRange r : entry.ranges()) {
            for (RangeEvent e : r.events()) {
                if (e.kind() == EventKind.FIXED) {
                    scheme.parse(e.version()).filter(v -> v.compareTo(installed) > 0)
                            .ifPresent(v -> out.add(e.version()));
                }
            }
        }
        return out;
    }
}
