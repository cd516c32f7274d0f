package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * pnpm-lock.yaml, formats 5.x, 6.0 and 9.0, read one entry at a time. Formats before 9.0 mark each package
 * {@code dev: true|false}; 9.0 does not, so a package is development-only when no importer's run-time dependencies
 * reach it through {@code snapshots} but its development dependencies do.
 */
final class PnpmLockParser {
    static final int MAX_ENTRIES = 500_000;

    private static final class Node {
        final Set<String> deps = new LinkedHashSet<>();
        Boolean development;
    }

    private final String path;
    private final WarningSink warnings;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<String> runtimeRoots = new LinkedHashSet<>();
    private final Set<String> developmentRoots = new LinkedHashSet<>();
    private boolean legacySlashes;

    private PnpmLockParser(String path, WarningSink warnings) {
        this.path = path;
        this.warnings = warnings;
    }

    static List<Package> parse(InputStream in, String path, WarningSink warnings) throws IOException {
        return new PnpmLockParser(path, warnings).read(in);
    }

    private List<Package> read(InputStream in) throws IOException {
        try (JsonParser p = LockfileJson.yaml().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.warn("npm.malformed", path + ": not a YAML mapping");
                return List.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "lockfileVersion" -> legacySlashes = p.getText().startsWith("5");
                    case "importers" -> importers(p.readValueAsTree());
                    case "dependencies", "optionalDependencies" -> roots(p.readValueAsTree(), runtimeRoots);
                    case "devDependencies" -> roots(p.readValueAsTree(), developmentRoots);
                    case "packages", "snapshots" -> {
                        if (value == JsonToken.START_OBJECT) {
                            entries(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            warnings.warn("npm.malformed", path + ": " + PackageJsonParser.firstLine(e.getOriginalMessage())
                    + " (entries before it are kept)");
        } catch (TooManyEntries e) {
            warnings.warn("npm.too-many-entries", path + ": more than " + MAX_ENTRIES
                    + " entries; the rest are not read");
        }
        return packages();
    }

    private void importers(JsonNode importers) {
        if (importers == null || !importers.isObject()) {
            return;
        }
        for (JsonNode importer : importers) {
            roots(importer.get("dependencies"), runtimeRoots);
            roots(importer.get("optionalDependencies"), runtimeRoots);
            roots(importer.get("devDependencies"), developmentRoots);
        }
    }

    /** {@code name: version} (5.x) or {@code name: {specifier, version}} (6.0 and later). */
    private void roots(JsonNode deps, Set<String> into) {
        if (deps == null || !deps.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue().isObject() ? e.getValue().get("version") : e.getValue();
            if (v != null && v.isValueNode()) {
                String target = PnpmKeys.target(e.getKey(), v.asText(), legacySlashes);
                if (target != null) {
                    into.add(target);
                }
            }
        }
    }

    private void entries(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            JsonNode entry = p.readValueAsTree();
            String id = PnpmKeys.id(key, legacySlashes);
            String name = LockfileJson.text(entry, "name");
            String version = entry == null || entry.get("version") == null ? null : entry.get("version").asText();
            if (name != null && version != null && !version.isEmpty()) {
                id = name + "@" + version; // tarball and git packages carry their own name and version
            }
            if (id == null) {
                warnings.warn("npm.incomplete-entry", path + ": " + key + " names no package version");
                continue;
            }
            Node node = nodes.get(id);
            if (node == null) {
                if (nodes.size() >= MAX_ENTRIES) {
                    throw new TooManyEntries();
                }
                node = new Node();
                nodes.put(id, node);
            }
            if (entry != null && entry.has("dev") && entry.get("dev").isBoolean()) {
                boolean dev = entry.get("dev").asBoolean();
                node.development = node.development == null ? dev : node.development && dev;
            }
            Node current = node;
            for (String kind : List.of("dependencies", "optionalDependencies")) {
                LockfileJson.stringMap(entry, kind).forEach((n, v) -> {
                    String target = PnpmKeys.target(n, v, legacySlashes);
                    if (target != null) {
                        current.deps.add(target);
                    }
                });
            }
        }
    }

    private List<Package> packages() {
        Set<String> runtime = reach(runtimeRoots);
        Set<String> development = reach(developmentRoots);
        LockedPackages out = new LockedPackages(path);
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            Node n = e.getValue();
            boolean dev = n.development != null ? n.development
                    : development.contains(e.getKey()) && !runtime.contains(e.getKey());
            List<String> deps = new ArrayList<>(n.deps);
            out.add(DependencySpec.name(e.getKey()), DependencySpec.rest(e.getKey()), List.of(), dev, deps);
        }
        return out.packages();
    }

    private Set<String> reach(Set<String> roots) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            String id = pending.remove(pending.size() - 1);
            if (seen.add(id)) {
                Node n = nodes.get(id);
                if (n != null) {
                    pending.addAll(n.deps);
                }
            }
        }
        return seen;
    }

    /** Stops reading past {@link #MAX_ENTRIES}. */
    private static final class TooManyEntries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyEntries() {
            super(null, null, false, false);
        }
    }
}
