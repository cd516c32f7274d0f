package dev.bulwark.engine.ecosystem.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * End to end through {@link DirectoryScanner} on real installs of lodash 4.17.15 and express 4.21.2 (with
 * typescript and chalk as development dependencies) made by npm, Yarn classic, Yarn berry and pnpm 7, 8 and 9; every
 * expectation comes from the tool's own listing of the same install.
 */
class NpmRealInstallTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Inventory scan(String project) {
        return new DirectoryScanner(List.of(new NpmCataloger())).scan(NpmFixtures.installs().resolve(project));
    }

    /** What {@code npm ls --all --json --long} says: per installed directory, name@version, dev, dependencies. */
    private record Listed(String id, boolean dev, Set<String> deps) {
    }

    private static Map<String, Listed> npmLs() throws IOException {
        Path dir = NpmFixtures.installs().resolve("npm-v3");
        JsonNode root = JSON.readTree(dir.resolve("ls.json").toFile());
        Map<String, Listed> out = new TreeMap<>();
        walkNpmLs(root, "/npm-v3/", out); // paths are where the fixture was built
        return out;
    }

    private static void walkNpmLs(JsonNode node, String base, Map<String, Listed> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("dependencies").fields(); it.hasNext();) {
            JsonNode child = it.next().getValue();
            if (!child.has("path") || !child.has("version")) {
                continue;
            }
            String path = child.get("path").asText();
            String rel = path.substring(path.lastIndexOf(base) + base.length());
            Set<String> deps = new TreeSet<>();
            child.path("dependencies").fields().forEachRemaining(d -> {
                if (d.getValue().has("version")) {
                    deps.add(d.getKey() + "@" + d.getValue().get("version").asText());
                }
            });
            // A deduped occurrence is listed without its dependencies: merge every occurrence of a directory.
            Listed seen = out.get(rel);
            if (seen != null) {
                deps.addAll(seen.deps());
            }
            out.put(rel, new Listed(child.get("name").asText() + "@" + child.get("version").asText(),
                    child.path("dev").asBoolean(false), deps));
            walkNpmLs(child, base, out); // the listing is a finite tree: cycles are printed deduped
        }
    }

    private static String id(Package p) {
        return p.name() + "@" + p.version();
    }

    @Test
    void nodeModulesMatchNpmLs() throws IOException {
        Map<String, Listed> expected = npmLs();
        assertTrue(expected.size() > 60, "npm ls lists express's tree: " + expected.size());
        Inventory inv = scan("npm-v3");
        Map<String, Listed> actual = new TreeMap<>();
        for (Package p : inv.packages()) {
            if (p.location().startsWith("node_modules/")) {
                actual.put(InstalledTree.dirOf(p.location()), new Listed(id(p), p.has(PackageFlag.DEVELOPMENT),
                        new TreeSet<>(p.dependsOn())));
                assertTrue(p.purl().startsWith("pkg:npm/"), p.purl());
            }
        }
        assertEquals(expected, actual);
        assertTrue(actual.values().stream().anyMatch(Listed::dev), "chalk and typescript are dev");
        assertTrue(actual.containsKey("node_modules/lodash"));
        assertEquals("lodash@4.17.15", actual.get("node_modules/lodash").id());
        assertTrue(inv.warnings().isEmpty(), inv.warnings().toString());
    }

    @Test
    void packageLockVersionsOneToThreeMatchNpmLs() throws IOException {
        Map<String, Listed> ls = npmLs();
        Set<String> ids = ls.values().stream().map(Listed::id).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Boolean> devById = new HashMap<>();
        Map<String, Set<String>> depsById = new HashMap<>();
        for (Listed l : ls.values()) {
            devById.merge(l.id(), l.dev(), Boolean::logicalAnd);
            depsById.computeIfAbsent(l.id(), k -> new TreeSet<>()).addAll(l.deps());
        }
        Set<String> expectedDev = devById.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String v : List.of("npm-v1", "npm-v2", "npm-v3")) {
            List<Package> locked = scan(v).packages().stream()
                    .filter(p -> p.location().equals("package-lock.json")).toList();
            assertEquals(ids, locked.stream().map(NpmRealInstallTest::id)
                    .collect(Collectors.toCollection(TreeSet::new)), v);
            assertEquals(expectedDev, locked.stream().filter(p -> p.has(PackageFlag.DEVELOPMENT))
                    .map(NpmRealInstallTest::id).collect(Collectors.toCollection(TreeSet::new)), v);
            for (Package p : locked) {
                assertEquals(depsById.get(id(p)), new TreeSet<>(p.dependsOn()), v + " " + id(p));
            }
        }
    }

    @Test
    void yarnClassicMatchesYarnList() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(NpmFixtures.installs().resolve("yarn-classic/list.json"))) {
            JsonNode n = JSON.readTree(line);
            if (n.path("type").asText().equals("tree")) {
                walkYarnList(n.path("data").path("trees"), expected);
            }
        }
        Inventory inv = scan("yarn-classic");
        assertEquals(expected, inv.packages().stream().map(NpmRealInstallTest::id)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertDevelopmentAsNpm(inv.packages());
    }

    private static void walkYarnList(JsonNode trees, Set<String> into) {
        for (JsonNode t : trees) {
            if (!t.path("shadow").asBoolean(false)) {
                into.add(t.get("name").asText());
            }
            walkYarnList(t.path("children"), into);
        }
    }

    @Test
    void yarnBerryMatchesYarnInfo() throws IOException {
        // Yarn lists patched and virtual (peer-dependent) instances by locator; name@Version is the package.
        List<JsonNode> infos = new java.util.ArrayList<>();
        Map<String, String> byLocator = new HashMap<>();
        for (String line : Files.readAllLines(NpmFixtures.installs().resolve("yarn-berry/info.json"))) {
            JsonNode n = JSON.readTree(line);
            String locator = n.get("value").asText();
            if (!locator.contains("@workspace:")) {
                infos.add(n);
                byLocator.put(locator, DependencySpec.name(locator) + "@" + n.path("children").get("Version").asText());
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        for (JsonNode n : infos) {
            Set<String> deps = expected.computeIfAbsent(byLocator.get(n.get("value").asText()), k -> new TreeSet<>());
            for (JsonNode d : n.path("children").path("Dependencies")) {
                String locator = d.get("locator").asText().replaceFirst("@virtual:[0-9a-f]+#", "@");
                deps.add(byLocator.get(locator));
            }
        }
        Inventory inv = scan("yarn-berry");
        Map<String, Set<String>> actual = new TreeMap<>();
        inv.packages().forEach(p -> actual.put(id(p), new TreeSet<>(p.dependsOn())));
        assertEquals(expected, actual);
        assertDevelopmentAsNpm(inv.packages());
    }

    @Test
    void pnpmFiveSixAndNineMatchPnpmLs() throws IOException {
        for (String v : List.of("pnpm-7", "pnpm-8", "pnpm-9")) {
            JsonNode root = JSON.readTree(NpmFixtures.installs().resolve(v + "/ls.json").toFile()).get(0);
            Set<String> runtime = new TreeSet<>();
            Set<String> dev = new TreeSet<>();
            walkPnpmLs(root.path("dependencies"), runtime);
            walkPnpmLs(root.path("devDependencies"), dev);
            dev.removeAll(runtime);
            Set<String> all = new TreeSet<>(runtime);
            all.addAll(dev);
            Inventory inv = scan(v);
            assertEquals(all, inv.packages().stream().map(NpmRealInstallTest::id)
                    .collect(Collectors.toCollection(TreeSet::new)), v);
            assertEquals(dev, inv.packages().stream().filter(p -> p.has(PackageFlag.DEVELOPMENT))
                    .map(NpmRealInstallTest::id).collect(Collectors.toCollection(TreeSet::new)), v);
            assertFalse(dev.isEmpty());
            assertTrue(inv.warnings().isEmpty(), inv.warnings().toString());
        }
    }

    private static void walkPnpmLs(JsonNode deps, Set<String> into) {
        deps.fields().forEachRemaining(e -> {
            if (into.add(e.getKey() + "@" + e.getValue().get("version").asText())) {
                walkPnpmLs(e.getValue().path("dependencies"), into);
            }
        });
    }

    /** The same project's development-only set as npm computed it. */
    private static void assertDevelopmentAsNpm(List<Package> packages) throws IOException {
        Set<String> npmDev = new TreeSet<>();
        Map<String, Boolean> devById = new HashMap<>();
        npmLs().values().forEach(l -> devById.merge(l.id(), l.dev(), Boolean::logicalAnd));
        devById.forEach((id, dev) -> {
            if (dev) {
                npmDev.add(id);
            }
        });
        assertEquals(npmDev, packages.stream().filter(p -> p.has(PackageFlag.DEVELOPMENT))
                .map(NpmRealInstallTest::id).collect(Collectors.toCollection(TreeSet::new)));
    }
}
