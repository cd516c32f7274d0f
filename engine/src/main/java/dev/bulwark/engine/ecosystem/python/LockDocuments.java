package dev.bulwark.engine.ecosystem.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.WarningSink;
import java.io.IOException;

/**
 * Reads lockfiles (TOML, JSON) into trees with their size, nesting and string lengths bounded; a document that is not
 * well formed is one counted warning and no packages.
 */
final class LockDocuments {
    /** Real lockfiles of large projects are a few MiB; the whole tree is held, so this bounds heap use. */
    static final int MAX_SIZE = 32 << 20;
    static final int MAX_DEPTH = 100;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringLength(4 << 20).maxNumberLength(100).maxNameLength(64 << 10).build();
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS)
            .build());
    private static final ObjectMapper TOML = new TomlMapper(TomlFactory.builder().streamReadConstraints(LIMITS)
            .build());

    private LockDocuments() {
    }

    static JsonNode toml(CatalogFile file, WarningSink warnings) throws IOException {
        return read(TOML, file, warnings);
    }

    static JsonNode json(CatalogFile file, WarningSink warnings) throws IOException {
        return read(JSON, file, warnings);
    }

    private static JsonNode read(ObjectMapper mapper, CatalogFile file, WarningSink warnings) throws IOException {
        byte[] data;
        try {
            data = file.readAll(MAX_SIZE);
        } catch (BulwarkException e) {
            warnings.warn("python.oversized", e.getMessage());
            return null;
        }
        try {
            JsonNode root = mapper.readTree(data);
            if (root == null || !root.isObject()) {
                warnings.warn("python.malformed", file.path() + ": not a table or object at the top");
                return null;
            }
            return root;
        } catch (JacksonException e) {
            warnings.warn("python.malformed", file.path() + ": " + firstLine(e.getOriginalMessage()));
            return null;
        } catch (StackOverflowError e) {
            // Defence in depth: the nesting limit should stop a deep document long before the stack ends.
            warnings.warn("python.malformed", file.path() + ": nested too deeply");
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isValueNode() ? v.asText() : null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
