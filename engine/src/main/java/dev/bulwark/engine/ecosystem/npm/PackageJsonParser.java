package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.JsonTrees;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code package.json}: an installed package's name, version, licenses and declared dependencies (as
 * {@code name@range}, resolved to installed versions later by {@link InstalledTree}), or a project's direct roots.
 */
final class PackageJsonParser {
    /** Old npm copied the README into package.json; a few MiB is generous, more is not a manifest. */
    static final int MAX_SIZE = 4 << 20;

    private PackageJsonParser() {
    }

    static List<Package> installed(CatalogFile file, WarningSink warnings) throws IOException {
        Manifest m = read(file, warnings);
        if (m == null) {
            return List.of();
        }
        if (m.name == null || m.name.isBlank() || m.version == null || m.version.isBlank()) {
            warnings.warn("npm.incomplete-package", file.path() + ": no name or version; not a package");
            return List.of();
        }
        Map<String, String> deps = new LinkedHashMap<>(m.dependencies);
        m.optional.forEach(deps::putIfAbsent);
        m.peer.forEach(deps::putIfAbsent);
        List<String> specs = new ArrayList<>(deps.size());
        deps.forEach((n, range) -> specs.add(DependencySpec.of(n, range)));
        return List.of(new Package("npm", m.name.strip(), m.version.strip(), null, null, null, m.licenses,
                NpmCataloger.NAME, file.path(), null, null, null, specs, null, null));
    }

    static List<Package> manifest(CatalogFile file, WarningSink warnings) throws IOException {
        Manifest m = read(file, warnings);
        if (m == null) {
            return List.of();
        }
        Map<String, String> runtime = new LinkedHashMap<>(m.dependencies);
        m.optional.forEach(runtime::putIfAbsent);
        m.peer.forEach(runtime::putIfAbsent);
        if (runtime.isEmpty() && m.development.isEmpty()) {
            return List.of();
        }
        return ProjectRoots.of(file.path(), runtime, m.development);
    }

    /** The fields read from a package.json; the rest (README copies, scripts) is skipped unparsed. */
    private static final class Manifest {
        String name;
        String version;
        List<String> licenses = List.of();
        Map<String, String> dependencies = Map.of();
        Map<String, String> optional = Map.of();
        Map<String, String> peer = Map.of();
        Map<String, String> development = Map.of();
    }

    private static Manifest read(CatalogFile file, WarningSink warnings) throws IOException {
        byte[] data;
        try {
            data = file.readAll(MAX_SIZE);
        } catch (BulwarkException e) {
            warnings.warn("npm.oversized", e.getMessage());
            return null;
        }
        try (JsonParser p = LockfileJson.JSON.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.warn("npm.malformed", file.path() + ": not a JSON object");
                return null;
            }
            Manifest m = new Manifest();
            ObjectNode licenseFields = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name" -> m.name = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "version" -> m.version = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "license", "licenses" -> {
                        if (licenseFields == null) {
                            licenseFields = JsonNodeFactory.instance.objectNode();
                        }
                        licenseFields.set(field, JsonTrees.read(p));
                    }
                    case "dependencies" -> m.dependencies = strings(p);
                    case "optionalDependencies" -> m.optional = strings(p);
                    case "peerDependencies" -> m.peer = strings(p);
                    case "devDependencies" -> m.development = strings(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                warnings.warn("npm.malformed", file.path() + ": content after the JSON object");
                return null;
            }
            m.licenses = licenseFields == null ? List.of() : NpmLicenses.of(licenseFields);
            return m;
        } catch (JacksonException e) {
            warnings.warn("npm.malformed", file.path() + ": " + firstLine(e.getOriginalMessage()));
            return null;
        }
    }

    /** A {@code {"name": "range"}} object; other shapes (an array, a string) count as none. */
    private static Map<String, String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isScalarValue()) {
                out.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
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
