package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.JsonScanner;
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
        PackageFields m = read(file, warnings);
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
        PackageFields m = read(file, warnings);
        if (m == null) {
            return List.of();
        }
        Map<String, String> runtime = new LinkedHashMap<>(m.dependencies);
        m.optional.forEach(runtime::putIfAbsent);
        m.peer.forEach(runtime::putIfAbsent);
        if (runtime.isEmpty() && m.devDependencies.isEmpty()) {
            return List.of();
        }
        return ProjectRoots.of(file.path(), runtime, m.devDependencies);
    }

    private static PackageFields read(CatalogFile file, WarningSink warnings) throws IOException {
        byte[] data;
        try {
            data = file.readAll(MAX_SIZE);
        } catch (BulwarkException e) {
            warnings.warn("npm.oversized", e.getMessage());
            return null;
        }
        try {
            JsonScanner json = new JsonScanner(data, data.length, LockfileJson.JSON_LIMITS);
            if (json.next() != JsonScanner.Token.START_OBJECT) {
                warnings.warn("npm.malformed", file.path() + ": not a JSON object");
                return null;
            }
            PackageFields m = PackageFields.read(json);
            if (json.next() != null) {
                warnings.warn("npm.malformed", file.path() + ": content after the JSON object");
                return null;
            }
            return m;
        } catch (JsonScanner.MalformedJsonException e) {
            warnings.warn("npm.malformed", file.path() + ": " + e.getMessage());
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
