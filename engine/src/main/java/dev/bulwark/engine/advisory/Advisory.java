package dev.bulwark.engine.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One vulnerability advisory as its source published it. Aliases are kept as recorded (merging CVE, GHSA and
 * DSA ids is the matcher's job). A withdrawn advisory is kept with its date so it can be shown, but the database
 * does not index it for matching.
 *
 * <p>{@code related} and {@code upstream} are OSV's other-vulnerability and derived-from ids.
 * {@code published}, {@code modified} and {@code withdrawn} may be null.
 *
 * @param databaseSpecific OSV top-level {@code database_specific} as compact JSON, or null
 */
public record Advisory(String id, List<String> aliases, List<String> related, List<String> upstream, String summary, String details,
        Instant published, Instant modified, Instant withdrawn, List<SeverityVector> severities,
        List<Affected> affected, List<Reference> references, String databaseSpecific, AdvisorySource source) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+\\-]{0,127}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");
    static final int MAX_DETAILS = 1 << 20;

    public Advisory {
        requireId(id);
        aliases = List.copyOf(aliases);
        aliases.forEach(Advisory::requireId);
        related = List.copyOf(related);
        related.forEach(Advisory::requireId);
        upstream = List.copyOf(upstream);
        upstream.forEach(Advisory::requireId);
        // real records carry newlines in summaries; a summary is one line
        summary = summary == null ? null
                : Text.optional(CONTROL.matcher(summary.strip()).replaceAll(" "), "summary", 4096);
        if (details != null && details.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("details longer than " + MAX_DETAILS + " characters");
        }
        severities = List.copyOf(severities);
        affected = List.copyOf(affected);
        references = List.copyOf(references);
        if (databaseSpecific != null && databaseSpecific.length() > Affected.MAX_JSON) {
            throw new IllegalArgumentException("database_specific over " + Affected.MAX_JSON + " chars");
        }
        Objects.requireNonNull(source, "source");
    }

    /** Whether {@code id} is an acceptable advisory or alias id: letters, digits and {@code ._:+-}, 1-128 chars. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void requireId(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid advisory id '" + abbreviate(id) + "'");
        }
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Whether the advisory was withdrawn by its source (matching ignores it). */
    public boolean isWithdrawn() {
        return withdrawn != null;
    }
}
