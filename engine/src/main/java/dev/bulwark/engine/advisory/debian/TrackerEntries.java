package dev.bulwark.engine.advisory.debian;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.AdvisorySource;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RangeEvent;
import dev.bulwark.engine.advisory.RangeType;
import dev.bulwark.engine.advisory.Reference;
import dev.bulwark.engine.advisory.VersionRange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one (source package, CVE) entry of the tracker into an advisory {@code DEBIAN-<id>} (the id osv.dev gives
 * the same data), with one affected package per numbered release. Status mapping: {@code resolved} with
 * {@code fixed_version 0} is not affected, otherwise fixed at that version; {@code open} is unfixed, or no-dsa,
 * won't-fix ({@code ignored}), postponed or end-of-life as the tracker marks it; {@code undetermined} stays so.
 */
final class TrackerEntries {
    private static final Pattern ID = Pattern.compile("(CVE-\\d{4}-\\d{4,}|TEMP-\\d{7}-[0-9A-F]{6})");

    private TrackerEntries() {
    }

    static void deliver(String source, String id, JsonNode entry, String origin, AdvisorySink sink) {
        String where = origin + ": " + DebianTrackerImporter.abbreviate(source) + "/"
                + DebianTrackerImporter.abbreviate(id);
        if (!ID.matcher(id).matches()) {
            sink.warn("debian.invalid-id", where + ": not a CVE or TEMP id; skipped");
            return;
        }
        if (!entry.isObject() || !entry.path("releases").isObject()) {
            sink.warn("debian.wrong-type", where + ": entry or its releases is not an object; skipped");
            return;
        }
        List<Affected> affected = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = entry.get("releases").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> r = it.next();
            String ecosystem = DebianReleases.ecosystem(r.getKey());
            if (ecosystem == null) {
                if (!DebianReleases.isUnnumbered(r.getKey())) {
                    sink.warn("debian.unknown-release", where + ": release '"
                            + DebianTrackerImporter.abbreviate(r.getKey()) + "' has no version number; skipped");
                }
                continue;
            }
            try {
                affected.add(release(new PackageKey(ecosystem, source), r.getValue()));
            } catch (IllegalArgumentException e) {
                sink.warn("debian.invalid-release", where + " " + r.getKey() + ": " + e.getMessage() + "; skipped");
            }
        }
        JsonNode description = entry.get("description");
        List<Reference> refs = new ArrayList<>();
        refs.add(new Reference("ADVISORY", "https://security-tracker.debian.org/tracker/" + id));
        JsonNode bug = entry.get("debianbug");
        if (bug != null && bug.canConvertToLong() && bug.asLong() > 0) {
            refs.add(new Reference("REPORT", "https://bugs.debian.org/" + bug.asLong()));
        }
        try {
            sink.advisory(new Advisory("DEBIAN-" + id, id.startsWith("CVE-") ? List.of(id) : List.of(), List.of(),
                    List.of(), null, description != null && description.isTextual() ? description.textValue() : null,
                    null, null, null, List.of(), affected, refs, null, AdvisorySource.DEBIAN_TRACKER));
        } catch (IllegalArgumentException e) {
            sink.warn("debian.invalid-entry", where + ": " + e.getMessage() + "; skipped");
        }
    }

    private static Affected release(PackageKey key, JsonNode r) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("release is not an object");
        }
        String status = text(r, "status");
        String urgency = text(r, "urgency");
        String fixed = text(r, "fixed_version");
        String nodsa = text(r, "nodsa");
        String reason = text(r, "nodsa_reason");
        VersionRange all = new VersionRange(RangeType.ECOSYSTEM, null,
                List.of(new RangeEvent(EventKind.INTRODUCED, "0")));
        if ("resolved".equals(status)) {
            if (fixed == null) {
                throw new IllegalArgumentException("resolved without fixed_version");
            }
            if ("0".equals(fixed)) {
                return Affected.of(key, List.of(), FixState.NOT_AFFECTED, urgency, null);
            }
            return Affected.of(key, List.of(new VersionRange(RangeType.ECOSYSTEM, null,
                    List.of(new RangeEvent(EventKind.INTRODUCED, "0"), new RangeEvent(EventKind.FIXED, fixed)))),
                    FixState.FIXED, urgency, null);
        }
        if ("undetermined".equals(status)) {
            return Affected.of(key, List.of(all), FixState.UNDETERMINED, urgency, null);
        }
        if (!"open".equals(status)) {
            throw new IllegalArgumentException("unknown status '" + status + "'");
        }
        FixState state;
        if ("end-of-life".equals(urgency)) {
            state = FixState.END_OF_LIFE;
        } else if ("ignored".equals(reason)) {
            state = FixState.WONT_FIX;
        } else if ("postponed".equals(reason)) {
            state = FixState.POSTPONED;
        } else if (nodsa != null) {
            state = FixState.NO_DSA;
        } else {
            state = FixState.UNFIXED;
        }
        return Affected.of(key, List.of(all), state, urgency, nodsa == null || nodsa.isEmpty() ? null : nodsa);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.textValue();
    }
}
