package dev.bulwark.engine.advisory.osv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.AdvisorySource;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.Reference;
import dev.bulwark.engine.advisory.SeverityType;
import dev.bulwark.engine.advisory.SeverityVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one OSV record. A record that is not JSON, has no valid id or has a wrongly typed field is skipped with a
 * warning; an affected package with an unknown ecosystem or an invalid range is dropped from the record with a
 * warning, because matching on a partial range could report versions the source never called affected.
 */
final class OsvRecordParser {
    /** OSV records are kilobytes; the largest real ones are well under a megabyte. */
    static final int MAX_RECORD_BYTES = 16 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1 << 20).maxDocumentLength(MAX_RECORD_BYTES).maxNameLength(4096).build())
            .build());

    private OsvRecordParser() {
    }

    /** Delivers the advisory in {@code json} to the sink, or warns; {@code origin} names the file or zip entry. */
    static void parse(byte[] json, String origin, AdvisorySink sink) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            sink.warn("osv.malformed", origin + ": not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
            return;
        } catch (java.io.IOException e) {
            sink.warn("osv.malformed", origin + ": " + e.getMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            sink.warn("osv.wrong-type", origin + ": an OSV record must be a JSON object");
            return;
        }
        try {
            sink.advisory(advisory(root, origin, sink));
        } catch (InvalidRecord e) {
            sink.warn(e.code(), origin + ": " + e.getMessage() + "; record skipped");
        }
    }

    private static Advisory advisory(JsonNode root, String origin, AdvisorySink sink) throws InvalidRecord {
        String id = JsonFields.text(root, "id");
        if (!Advisory.isValidId(id)) {
            throw new InvalidRecord("osv.invalid-id", id == null ? "no id" : "invalid id '"
                    + JsonFields.abbreviate(id) + "'");
        }
        String where = origin + " (" + id + ")";
        List<Affected> affected = new ArrayList<>();
        for (JsonNode a : JsonFields.array(root, "affected")) {
            try {
                affected.add(OsvAffectedParser.parse(a));
            } catch (InvalidRecord e) {
                sink.warn(e.code(), where + ": " + e.getMessage() + "; affected package skipped");
            }
        }
        try {
            return new Advisory(id, ids(root, "aliases", where, sink), ids(root, "related", where, sink),
                    ids(root, "upstream", where, sink), JsonFields.text(root, "summary"),
                    JsonFields.text(root, "details"), JsonFields.instant(root, "published"),
                    JsonFields.instant(root, "modified"), JsonFields.instant(root, "withdrawn"),
                    severities(root, where, sink), affected, references(root, where, sink),
                    JsonFields.rawObject(root, "database_specific"), AdvisorySource.OSV);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecord("osv.invalid-record", e.getMessage());
        }
    }

    private static List<String> ids(JsonNode root, String field, String where, AdvisorySink sink)
            throws InvalidRecord {
        List<String> out = new ArrayList<>();
        for (String s : JsonFields.strings(root, field)) {
            if (Advisory.isValidId(s)) {
                out.add(s);
            } else {
                sink.warn("osv.invalid-alias", where + ": " + field + " entry '" + JsonFields.abbreviate(s)
                        + "' is not an id; dropped");
            }
        }
        return out;
    }

    private static List<SeverityVector> severities(JsonNode root, String where, AdvisorySink sink)
            throws InvalidRecord {
        List<SeverityVector> out = new ArrayList<>();
        for (JsonNode s : JsonFields.array(root, "severity")) {
            if (!s.isObject()) {
                throw JsonFields.wrongType("severity[]", "an object", s);
            }
            String typeName = JsonFields.text(s, "type");
            String score = JsonFields.text(s, "score");
            SeverityType type = typeName == null ? null : SeverityType.fromOsv(typeName);
            if (type == null || score == null || score.isBlank()) {
                sink.warn("osv.unknown-severity", where + ": severity of type '" + typeName + "' dropped");
                continue;
            }
            try {
                out.add(new SeverityVector(type, score));
            } catch (IllegalArgumentException e) {
                sink.warn("osv.unknown-severity", where + ": " + e.getMessage() + "; severity dropped");
            }
        }
        return out;
    }

    private static List<Reference> references(JsonNode root, String where, AdvisorySink sink)
            throws InvalidRecord {
        List<Reference> out = new ArrayList<>();
        for (JsonNode r : JsonFields.array(root, "references")) {
            if (!r.isObject()) {
                throw JsonFields.wrongType("references[]", "an object", r);
            }
            try {
                out.add(new Reference(JsonFields.text(r, "type"), JsonFields.text(r, "url")));
            } catch (IllegalArgumentException e) {
                sink.warn("osv.invalid-reference", where + ": " + e.getMessage() + "; reference dropped");
            }
        }
        return out;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
