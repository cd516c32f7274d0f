package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.match.ParsedEntry.Event;
import dev.bulwark.engine.version.Version;
import java.util.ArrayList;
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
     * The verdict when {@code installed} is affected by {@code entry}; empty when it is not. {@code equal} marks the
     * positions, among the distinct listed versions of the package ({@code texts}), that the scheme reads as equal
     * to {@code installed} (empty when none is). A range holding a version the scheme cannot read is reported to
     * {@code invalid} when it is reached, and skipped.
     */
    static Optional<Verdict> evaluate(Version installed, ParsedEntry entry, boolean[] equal, String[] texts,
            String schemeName, Consumer<String> invalid) {
        if (equal.length > 0) {
            for (int i : entry.listed()) {
                if (equal[i]) {
                    String listed = texts[i];
                    return Optional.of(new Verdict("versions list includes " + listed,
                            installed.text() + " = " + listed + " (" + schemeName + ")", fixes(installed, entry)));
                }
            }
        }
        for (ParsedEntry.Range range : entry.ranges()) {
            if (range.invalid() != null) {
                invalid.accept(range.invalid());
                continue;
            }
            Optional<Verdict> verdict = inRange(installed, range, schemeName);
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> inRange(Version installed, ParsedEntry.Range range, String schemeName) {
        List<Event> events = range.sorted();
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
        String comparison;
        List<String> fixed;
        if (bound == null) {
            comparison = installed.text() + " >= " + (opened.version() == null ? "0" : opened.text())
                    + ", no fix recorded (" + schemeName + ")";
            fixed = List.of();
        } else if (bound.kind() == EventKind.FIXED) {
            comparison = installed.text() + " < " + bound.text() + " (" + schemeName + ")";
            fixed = List.of(bound.text());
        } else {
            comparison = installed.text() + " <= " + bound.text() + " (last affected; " + schemeName + ")";
            fixed = List.of();
        }
        return Optional.of(new Verdict(range.rule(), comparison, fixed));
    }

    private static List<String> fixes(Version installed, ParsedEntry entry) {
        List<String> out = new ArrayList<>();
        for (Event e : entry.fixes()) {
            if (e.version().compareTo(installed) > 0) {
                out.add(e.text());
            }
        }
        return out;
    }
}
