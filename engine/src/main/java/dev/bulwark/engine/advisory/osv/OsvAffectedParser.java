package dev.bulwark.engine.advisory.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.Ecosystems;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RangeEvent;
import dev.bulwark.engine.advisory.RangeType;
import dev.bulwark.engine.advisory.VersionRange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns one OSV {@code affected[]} element into an {@link Affected}, or says why it must be skipped. */
final class OsvAffectedParser {
    private OsvAffectedParser() {
    }

    static Affected parse(JsonNode node) throws InvalidRecord {
        if (!node.isObject()) {
            throw JsonFields.wrongType("affected[]", "an object", node);
        }
        JsonNode pkg = JsonFields.object(node, "package");
        if (pkg == null) {
            throw new InvalidRecord("osv.missing-package", "affected[] without a package");
        }
        String ecosystem = JsonFields.text(pkg, "ecosystem");
        String name = JsonFields.text(pkg, "name");
        if (ecosystem == null || name == null || name.isBlank()) {
            throw new InvalidRecord("osv.missing-package", "affected[].package without ecosystem or name");
        }
        if (!Ecosystems.isKnown(ecosystem)) {
            throw new InvalidRecord("osv.unknown-ecosystem", "unknown ecosystem '"
                    + JsonFields.abbreviate(ecosystem) + "'");
        }
        List<VersionRange> ranges = new ArrayList<>();
        for (JsonNode r : JsonFields.array(node, "ranges")) {
            ranges.add(range(r));
        }
        List<String> versions = JsonFields.strings(node, "versions");
        JsonNode ecosystemSpecific = JsonFields.object(node, "ecosystem_specific");
        String urgency = ecosystemSpecific == null ? null : JsonFields.text(ecosystemSpecific, "urgency");
        boolean fixed = ranges.stream().anyMatch(VersionRange::hasFix);
        try {
            return new Affected(new PackageKey(ecosystem, name), JsonFields.text(pkg, "purl"), ranges, versions,
                    fixed ? FixState.FIXED : FixState.UNFIXED, urgency, null,
                    JsonFields.rawObject(node, "ecosystem_specific"), JsonFields.rawObject(node, "database_specific"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecord("osv.invalid-affected", e.getMessage());
        }
    }

    private static VersionRange range(JsonNode r) throws InvalidRecord {
        if (!r.isObject()) {
            throw JsonFields.wrongType("ranges[]", "an object", r);
        }
        String typeName = JsonFields.text(r, "type");
        RangeType type;
        try {
            type = typeName == null ? null : RangeType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            throw new InvalidRecord("osv.invalid-range", "unknown range type '"
                    + JsonFields.abbreviate(String.valueOf(typeName)) + "'");
        }
        List<RangeEvent> events = new ArrayList<>();
        for (JsonNode e : JsonFields.array(r, "events")) {
            events.add(event(e));
        }
        try {
            return new VersionRange(type, JsonFields.text(r, "repo"), events);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecord("osv.invalid-range", e.getMessage());
        }
    }

    private static RangeEvent event(JsonNode e) throws InvalidRecord {
        if (!e.isObject() || e.size() != 1) {
            throw new InvalidRecord("osv.invalid-range", "an event must be an object with exactly one field");
        }
        Iterator<Map.Entry<String, JsonNode>> it = e.fields();
        Map.Entry<String, JsonNode> only = it.next();
        EventKind kind = switch (only.getKey()) {
            case "introduced" -> EventKind.INTRODUCED;
            case "fixed" -> EventKind.FIXED;
            case "last_affected" -> EventKind.LAST_AFFECTED;
            case "limit" -> EventKind.LIMIT;
            default -> throw new InvalidRecord("osv.invalid-range", "unknown event '"
                    + JsonFields.abbreviate(only.getKey()) + "'");
        };
        if (!only.getValue().isTextual()) {
            throw JsonFields.wrongType("events[]." + only.getKey(), "a string", only.getValue());
        }
        try {
            return new RangeEvent(kind, only.getValue().textValue());
        } catch (IllegalArgumentException ex) {
            throw new InvalidRecord("osv.invalid-version", ex.getMessage());
        }
    }
}
