package dev.bulwark.engine.ecosystem.npm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's module lookup over installed directories: a package at {@code DIR} that requires {@code NAME} gets
 * {@code DIR/node_modules/NAME}, else the same in each enclosing package directory, up to the project root. npm
 * lays out both {@code node_modules} and lockfile v2 keys for exactly this lookup.
 *
 * <p>The directories are indexed by the package name they hold, so a lookup compares the few places a name is
 * installed with the requiring directory instead of building and hashing a path for every level it climbs (7,000
 * dependencies of a 1,500-package tree cost a fresh JVM 55 ms that way).
 */
final class NodeResolution<V> {
    private static final String NODE_MODULES = "node_modules/";
    private static final String INNER = "/node_modules/";

    /** Where a name is installed: the directory whose {@code node_modules} holds it ("" for the root). */
    private record Place<V>(String parent, V value) {
    }

    private final Map<String, List<Place<V>>> byName = new HashMap<>();

    /** @param installed package directories ({@code a/node_modules/x}, no trailing slash) and what they hold */
    NodeResolution(Map<String, V> installed) {
        installed.forEach((dir, value) -> {
            int nm = NpmFileKind.lastNodeModules(dir);
            if (nm >= 0) {
                String name = dir.substring(nm + NODE_MODULES.length());
                String parent = nm == 0 ? "" : dir.substring(0, nm - 1);
                byName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(new Place<>(parent, value));
            }
        });
    }

    /**
     * What {@code name} resolves to from the package directory {@code dir} ({@code a/node_modules/x}, or a project
     * directory); null when no directory on the way holds it. Node climbs from {@code dir} to each directory that
     * encloses it through a {@code node_modules} segment, so of the places holding the name, the one whose parent is
     * the longest such ancestor wins.
     */
    V resolve(String dir, String name) {
        List<Place<V>> places = byName.get(name);
        if (places == null) {
            return null;
        }
        Place<V> best = null;
        for (Place<V> p : places) {
            if ((best == null || p.parent.length() > best.parent.length()) && climbsTo(dir, p.parent)) {
                best = p;
            }
        }
        return best == null ? null : best.value;
    }

    /** Whether the lookup from {@code dir} reaches {@code ancestor}: the same, or enclosing it by a node_modules. */
    private static boolean climbsTo(String dir, String ancestor) {
        if (ancestor.isEmpty()) {
            return dir.isEmpty() || dir.startsWith(NODE_MODULES);
        }
        return dir.startsWith(ancestor) && (dir.length() == ancestor.length()
                || dir.startsWith(INNER, ancestor.length()));
    }

    /** The project directory of an installed package directory: what precedes its first {@code node_modules}. */
    static String projectOf(String dir) {
        if (dir.startsWith(NODE_MODULES)) {
            return "";
        }
        int at = dir.indexOf("/" + NODE_MODULES);
        return at < 0 ? dir : dir.substring(0, at);
    }
}
