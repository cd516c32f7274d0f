package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.JsonScanner;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code package-lock.json} and {@code npm-shrinkwrap.json}, lockfile versions 1 to 3, read as a stream one entry
 * at a time so a lockfile of any size costs memory only for its entries. Version 2 and 3 list every installed
 * directory under {@code packages}; version 1 nests {@code dependencies} by install depth. Dependencies are resolved
 * the way node resolves them from each entry's directory. A document that breaks off keeps the entries read before.
 */
final class PackageLockParser {
    static final int MAX_ENTRIES = 500_000;

    private record Installed(String name, String version, List<String> licenses, boolean development,
            List<String> requires) {
    }

    private PackageLockParser() {
    }

    static List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        Map<String, Installed> packages = new LinkedHashMap<>();
        Map<String, Installed> legacy = new LinkedHashMap<>();
        try {
            JsonScanner json = new JsonScanner(file.content(), LockfileJson.JSON_LIMITS);
            if (json.next() != JsonScanner.Token.START_OBJECT) {
                warnings.warn("npm.malformed", file.path() + ": not a JSON object");
                return List.of();
            }
            while (json.next() == JsonScanner.Token.NAME) {
                String field = json.text();
                JsonScanner.Token value = json.next();
                if (field.equals("packages") && value == JsonScanner.Token.START_OBJECT) {
                    readPackages(json, packages, file.path(), warnings);
                } else if (field.equals("dependencies") && value == JsonScanner.Token.START_OBJECT
                        && packages.isEmpty()) {
                    readLegacy(json, "", legacy, file.path(), warnings);
                } else {
                    json.skipChildren();
                }
            }
        } catch (JsonScanner.MalformedJsonException e) {
            warnings.warn("npm.malformed", file.path() + ": " + e.getMessage() + " (entries before it are kept)");
        } catch (TooManyEntries e) {
            warnings.warn("npm.too-many-entries", file.path() + ": more than " + MAX_ENTRIES
                    + " entries; the rest are not read");
        }
        return resolve(packages.isEmpty() ? legacy : packages, file.path());
    }

    /**
     * Version 2 and 3 {@code packages}, each entry read field by field from the stream (a tree per entry cost a
     * 1,500-package lockfile more than reading it): the last of duplicate fields counts, as in a tree.
     */
    private static void readPackages(JsonScanner json, Map<String, Installed> out, String path,
            WarningSink warnings) throws IOException {
        while (json.next() == JsonScanner.Token.NAME) {
            String key = json.text();
            if (json.next() != JsonScanner.Token.START_OBJECT) {
                json.skipChildren();
                continue;
            }
            PackageFields entry = PackageFields.read(json);
            int nm = NpmFileKind.lastNodeModules(key);
            // "" is the project itself; keys outside node_modules are workspace sources; links point at them.
            if (nm < 0 || entry.link) {
                continue;
            }
            String name = entry.name != null ? entry.name : key.substring(nm + "node_modules/".length());
            if (entry.version == null || entry.version.isEmpty()) {
                warnings.warn("npm.incomplete-entry", path + ": " + key + " has no version");
                continue;
            }
            List<String> requires = new ArrayList<>(entry.dependencies.size());
            for (Map<String, String> kind : List.of(entry.dependencies, entry.optional, entry.peer)) {
                for (String n : kind.keySet()) {
                    if (!requires.contains(n)) {
                        requires.add(n);
                    }
                }
            }
            put(out, key, new Installed(name, entry.version, entry.licenses, entry.development, requires));
        }
    }

    /** Version 1: {@code dependencies} nested by install depth; the parser's nesting limit bounds the recursion. */
    private static void readLegacy(JsonScanner json, String parentDir, Map<String, Installed> out, String path,
            WarningSink warnings) throws IOException {
        while (json.next() == JsonScanner.Token.NAME) {
            String name = json.text();
            if (json.next() != JsonScanner.Token.START_OBJECT) {
                json.skipChildren();
                continue;
            }
            String dir = (parentDir.isEmpty() ? "" : parentDir + "/") + "node_modules/" + name;
            String version = null;
            boolean development = false;
            Set<String> requires = new LinkedHashSet<>();
            while (json.next() == JsonScanner.Token.NAME) {
                String field = json.text();
                JsonScanner.Token value = json.next();
                switch (field) {
                    case "version" -> version = value == JsonScanner.Token.STRING ? json.text() : null;
                    case "dev" -> development = value == JsonScanner.Token.TRUE;
                    case "requires" -> {
                        requires.clear(); // the last of duplicate fields counts, as in a tree
                        if (value != JsonScanner.Token.START_OBJECT) {
                            json.skipChildren();
                        } else {
                            while (json.next() == JsonScanner.Token.NAME) {
                                requires.add(json.text());
                                json.next();
                                json.skipChildren();
                            }
                        }
                    }
                    case "dependencies" -> {
                        if (value == JsonScanner.Token.START_OBJECT) {
                            readLegacy(json, dir, out, path, warnings);
                        } else {
                            json.skipChildren();
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (version == null || version.isEmpty()) {
                warnings.warn("npm.incomplete-entry", path + ": " + dir + " has no version");
                continue;
            }
            String realName = name;
            // An alias (npm install alias@npm:real@1.0.0) records the real package in the version.
            if (version.startsWith("npm:")) {
                String spec = version.substring(4);
                realName = DependencySpec.name(spec);
                version = DependencySpec.rest(spec);
            }
            put(out, dir, new Installed(realName, version, List.of(), development, List.copyOf(requires)));
        }
    }

    private static void put(Map<String, Installed> out, String key, Installed value) {
        if (out.size() >= MAX_ENTRIES) {
            throw new TooManyEntries();
        }
        out.put(key, value);
    }

    private static List<Package> resolve(Map<String, Installed> byDir, String location) {
        LockedPackages result = new LockedPackages(location);
        NodeResolution<Installed> index = new NodeResolution<>(byDir);
        for (Map.Entry<String, Installed> e : byDir.entrySet()) {
            Installed i = e.getValue();
            List<String> deps = new ArrayList<>(i.requires().size());
            for (String n : i.requires()) {
                Installed d = index.resolve(e.getKey(), n);
                if (d != null) {
                    deps.add(DependencySpec.of(d.name(), d.version()));
                }
            }
            result.add(i.name(), i.version(), i.licenses(), i.development(), deps);
        }
        return result.packages();
    }

    /** Stops reading a lockfile past {@link #MAX_ENTRIES}; unchecked so it passes through the parser's loops. */
    private static final class TooManyEntries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyEntries() {
            super(null, null, false, false);
        }
    }
}
