package dev.bulwark.engine.ecosystem.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lockfile v2/v3 {@code packages} entries are read field by field from the stream; what they yield must be what
 * Jackson's own tree of the same document says (readTree: the last of duplicate fields wins, in the first one's
 * place), for the real lockfiles npm wrote and for the odd shapes a hand-edited or hostile file has.
 */
class PackageLockParserTest {
    private static final ObjectMapper TREE = new ObjectMapper();

    /** An entry as the tree shows it, and the dependency names it requires (scalar values only), in order. */
    private record TreeEntry(String name, String version, boolean dev, boolean link, List<String> licenses,
            List<String> requires) {
    }

    private static Map<String, TreeEntry> fromTree(byte[] lockfile) throws IOException {
        Map<String, TreeEntry> out = new LinkedHashMap<>();
        JsonNode packages = TREE.readTree(lockfile).path("packages");
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode entry = e.getValue();
            int nm = NpmFileKind.lastNodeModules(e.getKey());
            if (!entry.isObject() || nm < 0) {
                continue;
            }
            List<String> requires = new ArrayList<>();
            for (String kind : List.of("dependencies", "optionalDependencies", "peerDependencies")) {
                for (Iterator<Map.Entry<String, JsonNode>> d = entry.path(kind).fields(); d.hasNext();) {
                    Map.Entry<String, JsonNode> dep = d.next();
                    if (dep.getValue().isValueNode() && !requires.contains(dep.getKey())) {
                        requires.add(dep.getKey());
                    }
                }
            }
            String name = entry.path("name").isTextual() ? entry.get("name").asText()
                    : e.getKey().substring(nm + "node_modules/".length());
            String version = entry.path("version").isTextual() ? entry.get("version").asText() : null;
            out.put(e.getKey(), new TreeEntry(name, version, entry.path("dev").asBoolean(false),
                    entry.path("link").asBoolean(false), NpmLicenses.of(entry), requires));
        }
        return out;
    }

    private static List<Package> parse(byte[] lockfile, List<String> warnings) throws IOException {
        return PackageLockParser.parse(new CatalogFile("package-lock.json", lockfile.length,
                new ByteArrayInputStream(lockfile)), (code, message) -> warnings.add(code));
    }

    /** Each parsed package against the tree's entries of the same name and version, resolved the same way. */
    private static void assertAsTree(byte[] lockfile) throws IOException {
        Map<String, TreeEntry> tree = fromTree(lockfile);
        Map<String, TreeEntry> installed = new LinkedHashMap<>();
        int incomplete = 0;
        for (Map.Entry<String, TreeEntry> e : tree.entrySet()) {
            TreeEntry t = e.getValue();
            if (t.link()) {
                continue;
            }
            if (t.version() == null || t.version().isEmpty()) {
                incomplete++;
            } else {
                installed.put(e.getKey(), t);
            }
        }
        Map<String, Boolean> dev = new LinkedHashMap<>();
        Map<String, List<String>> licenses = new LinkedHashMap<>();
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        NodeResolution<TreeEntry> resolution = new NodeResolution<>(installed);
        installed.forEach((dir, t) -> {
            String id = t.name() + "@" + t.version();
            dev.merge(id, t.dev(), Boolean::logicalAnd);
            licenses.putIfAbsent(id, t.licenses());
            Set<String> resolved = deps.computeIfAbsent(id, k -> new LinkedHashSet<>());
            for (String n : t.requires()) {
                TreeEntry d = resolution.resolve(dir, n);
                if (d != null) {
                    resolved.add(d.name() + "@" + d.version());
                }
            }
        });
        List<String> warnings = new ArrayList<>();
        List<Package> parsed = parse(lockfile, warnings);
        assertEquals(incomplete, warnings.stream().filter("npm.incomplete-entry"::equals).count(), warnings.toString());
        assertEquals(List.copyOf(dev.keySet()), parsed.stream().map(p -> p.name() + "@" + p.version()).toList());
        for (Package p : parsed) {
            String id = p.name() + "@" + p.version();
            assertEquals(licenses.get(id), p.licenses(), id);
            assertEquals(dev.get(id), p.has(PackageFlag.DEVELOPMENT), id);
            assertEquals(List.copyOf(deps.get(id)), p.dependsOn(), id);
        }
    }

    @Test
    void realLockfilesReadAsTheirTrees() throws IOException {
        Path installs = NpmFixtures.installs();
        for (String v : List.of("npm-v2", "npm-v3")) {
            byte[] lock = Files.readAllBytes(installs.resolve(v).resolve("package-lock.json"));
            assertTrue(fromTree(lock).size() > 60, v);
            assertAsTree(lock);
        }
    }

    @Test
    void oddShapesReadAsTheirTrees() throws IOException {
        String doc = """
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "app", "dependencies": {"a": "1"}},
                  "node_modules/a": {"version": "1.0.0", "name": 7, "dev": "true", "license": {"type": "MIT"},
                    "dependencies": {"b": "^1", "c": {"nested": 1}, "d": null, "b": "^2"},
                    "dependencies": {"b": "^1", "e": "*", "c": {"x": 1}, "g": "1"},
                    "peerDependencies": {"b": "1", "f": "1", "@s/g": 0}},
                  "node_modules/b": {"version": "1.0.0", "version": "2.0.0", "licenses": [{"type": "ISC"}, "BSD"],
                    "dev": 1, "resolved": {"deep": [1, 2, {"x": "y"}]}},
                  "node_modules/c": "not an entry",
                  "node_modules/e": {"version": 3, "link": false},
                  "node_modules/f": {"version": "1.0.0", "link": true},
                  "node_modules/@s/g": {"version": "0.1.0", "dev": false, "dev": true, "license": "Apache-2.0"},
                  "node_modules/a/node_modules/b": {"version": "1.0.0", "dev": false,
                    "optionalDependencies": {"@s/g": "0.1.0"}}
                }}
                """;
        byte[] lock = doc.getBytes(StandardCharsets.UTF_8);
        assertAsTree(lock);
        // the tree's reading, spelled out where the shapes are odd
        Map<String, TreeEntry> tree = fromTree(lock);
        assertEquals(List.of("b", "e", "g", "f", "@s/g"), tree.get("node_modules/a").requires());
        assertEquals("2.0.0", tree.get("node_modules/b").version());
        assertEquals(List.of("ISC", "BSD"), tree.get("node_modules/b").licenses());
        assertTrue(tree.get("node_modules/a").dev() && tree.get("node_modules/@s/g").dev());
        assertEquals("a", tree.get("node_modules/a").name()); // a name that is not a string: the directory's
        List<String> warnings = new ArrayList<>();
        List<Package> parsed = parse(lock, warnings);
        assertEquals(List.of("npm.incomplete-entry"), warnings); // e has a version that is not a string
        assertEquals(List.of("a@1.0.0", "b@2.0.0", "@s/g@0.1.0", "b@1.0.0"),
                parsed.stream().map(p -> p.name() + "@" + p.version()).toList());
        assertEquals(List.of("b@1.0.0", "@s/g@0.1.0"), parsed.get(0).dependsOn());
    }
}
