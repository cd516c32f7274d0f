package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.JsonScanner;
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

    /** Reads the object whose {@code START_OBJECT} the reader is on, leaving the reader on its {@code END_OBJECT}. */
    static PackageFields read(JsonScanner json) throws IOException {
        PackageFields f = new PackageFields();
        ObjectNode licenseFields = null;
        while (json.next() == JsonScanner.Token.NAME) {
            String field = json.text();
            JsonScanner.Token value = json.next();
            switch (field) {
                case "name" -> f.name = value == JsonScanner.Token.STRING ? json.text() : null;
                case "version" -> f.version = value == JsonScanner.Token.STRING ? json.text() : null;
                case "dev" -> f.development = JsonTrees.read(json).asBoolean(false);
                case "link" -> f.link = JsonTrees.read(json).asBoolean(false);
                case "license", "licenses" -> {
                    if (licenseFields == null) {
                        licenseFields = JsonNodeFactory.instance.objectNode();
                    }
                    licenseFields.set(field, JsonTrees.read(json));
                }
                case "dependencies" -> f.dependencies = LockfileJson.scalars(json);
                case "optionalDependencies" -> f.optional = LockfileJson.scalars(json);
                case "peerDependencies" -> f.peer = LockfileJson.scalars(json);
                case "devDependencies" -> f.devDependencies = LockfileJson.scalars(json);
                default -> json.skipChildren();
            }
        }
        if (licenseFields != null) {
            f.licenses = NpmLicenses.of(licenseFields);
        }
        return f;
    }
}
