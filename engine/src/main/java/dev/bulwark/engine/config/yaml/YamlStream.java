package dev.bulwark.engine.config.yaml;

import java.util.List;

/**
 * What a YAML or JSON file held: its documents, and warnings for what could not be read (a syntax error, a safety
 * limit). Documents before a syntax error are kept; the rest of the stream is not trusted and skipped.
 */
public record YamlStream(List<YamlDocument> documents, List<String> warnings) {

    public YamlStream {
        documents = List.copyOf(documents);
        warnings = List.copyOf(warnings);
    }
}
