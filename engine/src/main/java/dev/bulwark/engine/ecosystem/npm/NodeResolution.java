package dev.bulwark.engine.ecosystem.npm;

import java.util.Map;

/**
 * Node's module lookup over installed directories: a package at {@code DIR} that requires {@code NAME} gets
 * {@code DIR/node_modules/NAME}, else the same in each enclosing package directory, up to the project root. npm
 * lays out both {@code node_modules} and lockfile v2 keys for exactly this lookup.
 */
final class NodeResolution {
    private static final String NODE_MODULES = "node_modules/";

    private NodeResolution() {
    }

    /**
     * What {@code name} resolves to from the package directory {@code dir} ({@code a/node_modules/x}), looking up
     * keys of {@code installed} (directories, no trailing slash); null when no directory on the way holds it.
     */
    static <V> V resolve(Map<String, V> installed, String dir, String name) {
        String from = dir;
        for (int hops = 0; hops < 10_000; hops++) {
            V found = installed.get(from.isEmpty() ? NODE_MODULES + name : from + "/" + NODE_MODULES + name);
            if (found != null) {
                return found;
            }
            if (from.isEmpty()) {
                return null;
            }
            int nm = NpmFileKind.lastNodeModules(from);
            if (nm < 0) {
                return null;
            }
            from = nm == 0 ? "" : from.substring(0, nm - 1);
        }
        return null;
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
