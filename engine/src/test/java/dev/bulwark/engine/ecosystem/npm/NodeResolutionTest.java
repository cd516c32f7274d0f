package dev.bulwark.engine.ecosystem.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The indexed lookup gives what node's own algorithm gives (climb from the requiring directory through each enclosing
 * {@code node_modules}, trying {@code DIR/node_modules/NAME} at each level, stopping at a directory outside any
 * {@code node_modules}), written here step by step as the reference, for every directory and every name of real
 * lockfiles npm wrote and of a tree with workspaces, scopes and deep nesting.
 */
class NodeResolutionTest {
    /** Node's lookup, one level at a time. */
    private static <V> V climbing(Map<String, V> installed, String dir, String name) {
        String from = dir;
        while (true) {
            V found = installed.get(from.isEmpty() ? "node_modules/" + name : from + "/node_modules/" + name);
            if (found != null || from.isEmpty()) {
                return found;
            }
            int nm = NpmFileKind.lastNodeModules(from);
            if (nm < 0) {
                return null;
            }
            from = nm == 0 ? "" : from.substring(0, nm - 1);
        }
    }

    private static void assertSameAsClimbing(Map<String, String> installed) {
        NodeResolution<String> index = new NodeResolution<>(installed);
        TreeSet<String> names = new TreeSet<>(List.of("missing"));
        List<String> dirs = new ArrayList<>(installed.keySet());
        dirs.addAll(List.of("", "packages/app", "packages/app/node_modules/x", "node_modules/a/lib"));
        for (String dir : installed.keySet()) {
            int nm = NpmFileKind.lastNodeModules(dir);
            names.add(dir.substring(nm + "node_modules/".length()));
        }
        int found = 0;
        for (String dir : dirs) {
            for (String name : names) {
                String expected = climbing(installed, dir, name);
                assertEquals(expected, index.resolve(dir, name), name + " from " + dir);
                found += expected == null ? 0 : 1;
            }
        }
        assertTrue(found > installed.size(), "most lookups find something: " + found);
    }

    @Test
    void sameAsClimbingOnRealLockfiles() throws IOException {
        for (String v : List.of("npm-v2", "npm-v3")) {
            Path lock = NpmFixtures.installs().resolve(v).resolve("package-lock.json");
            Map<String, String> installed = new LinkedHashMap<>();
            new ObjectMapper().readTree(lock.toFile()).path("packages").fieldNames().forEachRemaining(k -> {
                if (!k.isEmpty()) {
                    installed.put(k, k);
                }
            });
            assertTrue(installed.size() > 60, v);
            assertSameAsClimbing(installed);
        }
    }

    @Test
    void sameAsClimbingWithWorkspacesScopesAndDepth() {
        Map<String, String> installed = new LinkedHashMap<>();
        for (String dir : List.of("node_modules/b", "node_modules/a/node_modules/b", "node_modules/c",
                "node_modules/@s/b", "node_modules/@s/b/node_modules/c", "node_modules/a/node_modules/b/node_modules/c",
                "packages/app/node_modules/b", "packages/app/node_modules/x/node_modules/c",
                "node_modules/a/lib/node_modules/b", "xnode_modules/b", "node_modules/a/node_modules/@s/b")) {
            installed.put(dir, dir);
        }
        assertSameAsClimbing(installed);
        NodeResolution<String> index = new NodeResolution<>(installed);
        assertEquals("node_modules/a/node_modules/b", index.resolve("node_modules/a", "b"));
        assertEquals("node_modules/b", index.resolve("node_modules/c", "b"));
        assertEquals("packages/app/node_modules/b", index.resolve("packages/app/node_modules/x", "b"));
        assertNull(index.resolve("packages/app", "c"), "a workspace does not climb to the root");
        assertNull(index.resolve("node_modules/a", "missing"));
    }
}
