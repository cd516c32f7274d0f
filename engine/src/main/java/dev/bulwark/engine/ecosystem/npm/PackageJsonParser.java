package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.BulwarkException;
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
        JsonNode root = read(file, warnings);
        if (root == null) {
            return List.of();
        }
        String name = LockfileJson.text(root, "name");
        String version = LockfileJson.text(root, "version");
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            warnings.warn("npm.incomplete-package", file.path() + ": no name or version; not a package");
            return List.of();
        }
        Map<String, String> deps = new LinkedHashMap<>(LockfileJson.stringMap(root, "dependencies"));
        LockfileJson.stringMap(root, "optionalDependencies").forEach(deps::putIfAbsent);
        LockfileJson.stringMap(root, "peerDependencies").forEach(deps::putIfAbsent);
        List<String> specs = new ArrayList<>(deps.size());
        deps.forEach((n, range) -> specs.add(DependencySpec.of(n, range)));
        return List.of(new Package("npm", name.strip(), version.strip(), null, null, null, NpmLicenses.of(root),
                NpmCataloger.NAME, file.path(), null, null, null, specs, null, null));
    }

    static List<Package> manifest(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root = read(file, warnings);
        if (root == null) {
            return List.of();
        }
        Map<String, String> runtime = new LinkedHashMap<>(LockfileJson.stringMap(root, "dependencies"));
        LockfileJson.stringMap(root, "optionalDependencies").forEach(runtime::putIfAbsent);
        LockfileJson.stringMap(root, "peerDependencies").forEach(runtime::putIfAbsent);
        Map<String, String> development = LockfileJson.stringMap(root, "devDependencies");
        if (runtime.isEmpty() && development.isEmpty()) {
            return List.of();
        }
        return ProjectRoots.of(file.path(), runtime, development);
    }

    private static JsonNode read(CatalogFile file, WarningSink warnings) throws IOException {
        byte[] data;
        try {
            data = file.readAll(MAX_SIZE);
        } catch (BulwarkException e) {
            warnings.warn("npm.oversized", e.getMessage());
            return null;
        }
        try {
            JsonNode root = LockfileJson.JSON.readTree(data);
            if (root == null || !root.isObject()) {
                warnings.warn("npm.malformed", file.path() + ": not a JSON object");
                return null;
            }
            return root;
        } catch (JacksonException e) {
            warnings.warn("npm.malformed", file.path() + ": " + firstLine(e.getOriginalMessage()));
            return null;
        }
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
