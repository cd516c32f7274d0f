package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.engine.JsonScanner;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The JSON and YAML readers for untrusted manifests and lockfiles: nesting, string and number lengths bounded, so a
 * deeply nested or endless document fails fast instead of exhausting the stack or heap. YAML aliases are never
 * expanded by Jackson's streaming parser (they read as plain strings), so an alias bomb costs nothing.
 */
final class LockfileJson {
    /** npm, Yarn and pnpm nest a few levels; v1 lockfiles nest per install depth, which stays far below this. */
    static final int MAX_DEPTH = 200;
    static final int MAX_STRING = 1 << 20;

    /** The bounds of the JSON reader: nesting, string, name and number lengths, as Jackson's defaults nearly are. */
    static final JsonScanner.Limits JSON_LIMITS = new JsonScanner.Limits(MAX_DEPTH, MAX_STRING, 64 << 10, 100);

    private LockfileJson() {
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
                .maxNumberLength(100).maxNameLength(64 << 10).build();
    }

    /** The YAML reader, built on first use: most trees have no YAML lockfile, and SnakeYAML is slow to load. */
    static ObjectMapper yaml() {
        return YamlHolder.YAML;
    }

    private static final class YamlHolder {
        static final ObjectMapper YAML = newYaml();
    }

    private static ObjectMapper newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(Integer.MAX_VALUE); // size is bounded by the caller, per lockfile kind
        options.setAllowDuplicateKeys(true);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(constraints()).build();
        return new YAMLMapper(factory);
    }

    /**
     * The object value at the reader ({@code {"name": "range"}}) as its tree would read it: names in document order,
     * each with the text of its last value, and a name whose last value is an object or array left out. Any other
     * shape (an array, a string) counts as an empty object.
     */
    static Map<String, String> scalars(JsonScanner json) throws IOException {
        if (json.current() != JsonScanner.Token.START_OBJECT) {
            json.skipChildren();
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean containers = false;
        while (json.next() == JsonScanner.Token.NAME) {
            String name = json.text();
            if (json.next().isScalar()) {
                out.put(name, json.text());
            } else {
                json.skipChildren();
                out.put(name, null); // keeps a first occurrence's place, as a tree does, until left out below
                containers = true;
            }
        }
        if (containers) {
            out.values().removeIf(java.util.Objects::isNull);
        }
        return out;
    }

    /** The text of a field, or null when it is missing or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A string-to-string object field as a map (values that are not strings are skipped). */
    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return out;
    }
}
