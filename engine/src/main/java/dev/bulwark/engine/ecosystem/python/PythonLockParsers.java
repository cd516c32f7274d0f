package dev.bulwark.engine.ecosystem.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Poetry ({@code poetry.lock}), Pipenv ({@code Pipfile.lock}) and uv ({@code uv.lock}) lockfiles. Each records
 * development-only packages its own way: Poetry 1.x by {@code category = "dev"}, Poetry 2 by {@code groups} without
 * {@code main}, Pipenv by the {@code develop} section, uv by the project's {@code dev-dependencies} groups.
 */
final class PythonLockParsers {
    private PythonLockParsers() {
    }

    static List<Package> poetry(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root = LockDocuments.toml(file, warnings);
        if (root == null) {
            return List.of();
        }
        LockGraph graph = new LockGraph(file.path());
        for (JsonNode p : array(root.get("package"))) {
            if (!add(graph, file.path(), warnings)) {
                break;
            }
            String name = LockDocuments.text(p, "name");
            String version = LockDocuments.text(p, "version");
            if (name == null || version == null) {
                warnings.warn("python.incomplete-entry", file.path() + ": a [[package]] has no name or version");
                continue;
            }
            List<String> requires = new ArrayList<>();
            JsonNode deps = p.get("dependencies");
            if (deps != null && deps.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> d = it.next();
                    // A dependency wanted only by an extra is not installed unless the extra is.
                    boolean optional = d.getValue().isObject() && d.getValue().path("optional").asBoolean(false);
                    if (!optional) {
                        requires.add(d.getKey());
                    }
                }
            }
            graph.add(name, version, List.of(), requires, poetryDevelopment(p));
        }
        return graph.packages(List.of(), List.of());
    }

    private static Boolean poetryDevelopment(JsonNode p) {
        String category = LockDocuments.text(p, "category");
        if (category != null) {
            return category.equals("dev");
        }
        JsonNode groups = p.get("groups");
        if (groups != null && groups.isArray() && !groups.isEmpty()) {
            for (JsonNode g : groups) {
                if ("main".equals(g.asText())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static List<Package> pipfile(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root = LockDocuments.json(file, warnings);
        if (root == null) {
            return List.of();
        }
        LockGraph graph = new LockGraph(file.path());
        JsonNode runtime = root.path("default");
        for (String section : List.of("default", "develop")) {
            JsonNode entries = root.path(section);
            for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
                if (!add(graph, file.path(), warnings)) {
                    break;
                }
                Map.Entry<String, JsonNode> e = it.next();
                String version = LockDocuments.text(e.getValue(), "version");
                if (version == null || !version.startsWith("==")) {
                    continue; // editable, path and VCS entries name no released version
                }
                boolean development = section.equals("develop") && !runtime.has(e.getKey());
                if (section.equals("develop") && runtime.has(e.getKey())) {
                    continue; // already listed as a run-time package
                }
                graph.add(e.getKey(), version.substring(2).strip(), List.of(), List.of(), development);
            }
        }
        return graph.packages(List.of(), List.of());
    }

    static List<Package> uv(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root = LockDocuments.toml(file, warnings);
        if (root == null) {
            return List.of();
        }
        LockGraph graph = new LockGraph(file.path());
        List<String> runtimeRoots = new ArrayList<>();
        List<String> developmentRoots = new ArrayList<>();
        for (JsonNode p : array(root.get("package"))) {
            if (!add(graph, file.path(), warnings)) {
                break;
            }
            String name = LockDocuments.text(p, "name");
            String version = LockDocuments.text(p, "version");
            if (name == null) {
                warnings.warn("python.incomplete-entry", file.path() + ": a [[package]] has no name");
                continue;
            }
            List<String> requires = names(p.get("dependencies"));
            JsonNode source = p.get("source");
            boolean project = source != null && (source.has("editable") || source.has("virtual"));
            if (project) {
                // The project's own sources are not a package; what they depend on are the roots.
                runtimeRoots.addAll(requires);
                for (JsonNode extra : p.path("optional-dependencies")) {
                    runtimeRoots.addAll(names(extra));
                }
                for (JsonNode group : p.path("dev-dependencies")) {
                    developmentRoots.addAll(names(group));
                }
                continue;
            }
            if (version == null) {
                warnings.warn("python.incomplete-entry", file.path() + ": " + name + " has no version");
                continue;
            }
            graph.add(name, version, List.of(), requires, null);
        }
        return graph.packages(runtimeRoots, developmentRoots);
    }

    private static List<String> names(JsonNode deps) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : array(deps)) {
            String n = LockDocuments.text(d, "name");
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static boolean add(LockGraph graph, String path, WarningSink warnings) {
        if (graph.full()) {
            warnings.warn("python.too-many-entries", path + ": more than " + LockGraph.MAX_ENTRIES
                    + " packages; the rest are not read");
            return false;
        }
        return true;
    }
}
