package dev.bulwark.engine.advisory.osv;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of OSV fields: JSON null or absence is "not given", any other wrong type is an invalid record. */
final class JsonFields {
    private JsonFields() {
    }

    static boolean absent(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull();
    }

    static String text(JsonNode node, String field) throws InvalidRecord {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return v.textValue();
    }

    static JsonNode object(JsonNode node, String field) throws InvalidRecord {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object", v);
        }
        return v;
    }

    static List<JsonNode> array(JsonNode node, String field) throws InvalidRecord {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(field, "an array", v);
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    static List<String> strings(JsonNode node, String field) throws InvalidRecord {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(node, field)) {
            if (!e.isTextual()) {
                throw wrongType(field + "[]", "a string", e);
            }
            out.add(e.textValue());
        }
        return out;
    }

    static Instant instant(JsonNode node, String field) throws InvalidRecord {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRecord("osv.invalid-date", field + " is not an RFC 3339 time: " + abbreviate(s));
        }
    }

    /** The compact JSON text of an object field, or null. */
    static String rawObject(JsonNode node, String field) throws InvalidRecord {
        JsonNode v = object(node, field);
        return v == null || v.isEmpty() ? null : v.toString();
    }

    static InvalidRecord wrongType(String field, String expected, JsonNode got) {
        return new InvalidRecord("osv.wrong-type", field + " should be " + expected + ", is " + got.getNodeType());
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
