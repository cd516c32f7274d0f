package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks development-only packages of a yarn.lock, which records none: those the project's {@code devDependencies}
 * reach and its run-time dependencies do not. A root is matched by name, so a name locked at several versions counts
 * every one of them as reached; that can only leave a package unmarked, never mark a shipped one.
 */
final class YarnDevelopment {
    private YarnDevelopment() {
    }

    static List<Package> mark(List<Package> lockPackages, List<Package> markers) {
        if (markers.isEmpty()) {
            return lockPackages;
        }
        Map<String, List<String>> idsByName = new HashMap<>();
        Map<String, Package> byId = new HashMap<>();
        for (Package p : lockPackages) {
            String id = DependencySpec.of(p.name(), p.version());
            byId.put(id, p);
            idsByName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(id);
        }
        Set<String> runtime = new HashSet<>();
        Set<String> development = new HashSet<>();
        for (Package m : markers) {
            Set<String> into = m.has(PackageFlag.DEVELOPMENT) ? development : runtime;
            for (String name : ProjectRoots.names(m)) {
                for (String id : idsByName.getOrDefault(name, List.of())) {
                    reach(id, byId, into);
                }
            }
        }
        development.removeAll(runtime);
        List<Package> out = new ArrayList<>(lockPackages.size());
        for (Package p : lockPackages) {
            boolean dev = development.contains(DependencySpec.of(p.name(), p.version()));
            out.add(dev ? p.withFlags(Set.of(PackageFlag.DEVELOPMENT)) : p);
        }
        return out;
    }

    private static void reach(String start, Map<String, Package> byId, Set<String> seen) {
        List<String> pending = new ArrayList<>(List.of(start));
        while (!pending.isEmpty()) {
            String id = pending.remove(pending.size() - 1);
            Package p = byId.get(id);
            if (p != null && seen.add(id)) {
                pending.addAll(p.dependsOn());
            }
        }
    }
}
