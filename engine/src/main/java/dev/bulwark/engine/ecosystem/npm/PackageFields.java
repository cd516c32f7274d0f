package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.JsonTrees;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The fields of a package object that the npm cataloger uses, read straight from the stream, as a package.json
 * document and as a lockfile's {@code packages} entry (both have npm's package shape): the rest (README copies,
 * scripts, integrity, engines) is skipped unparsed, and the last of duplicate fields counts, as in a tree.
 */
final class PackageFields {
    String name;
    String version;
    List<String> licenses = List.of();
    /** {@code dev} and {@code link} as a tree's {@code asBoolean(false)} reads them (lockfile entries). */
    boolean development;
    boolean link;
    Map<String, String> dependencies = Map.of();
    Map<String, String> optional = Map.of();
    Map<String, String> peer = Map.of();
    Map<String, String> devDependencies = Map.of();

    private PackageFields() {
    }

    /**
     * Reads the object whose {@code START_OBJECT} the parser is on, leaving the parser on its {@code END_OBJECT}
     * (or on whatever token broke it off, for the caller to judge).
     */
    static PackageFields read(JsonParser p) throws IOException {
        PackageFields f = new PackageFields();
        ObjectNode licenseFields = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> f.name = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "version" -> f.version = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "dev" -> f.development = JsonTrees.read(p).asBoolean(false);
                case "link" -> f.link = JsonTrees.read(p).asBoolean(false);
                case "license", "licenses" -> {
                    if (licenseFields == null) {
                        licenseFields = JsonNodeFactory.instance.objectNode();
                    }
                    licenseFields.set(field, JsonTrees.read(p));
                }
                case "dependencies" -> f.dependencies = LockfileJson.scalars(p);
                case "optionalDependencies" -> f.optional = LockfileJson.scalars(p);
                case "peerDependencies" -> f.peer = LockfileJson.scalars(p);
                case "devDependencies" -> f.devDependencies = LockfileJson.scalars(p);
                default -> p.skipChildren();
            }
        }
        if (licenseFields != null) {
            f.licenses = NpmLicenses.of(licenseFields);
        }
        return f;
    }
}
