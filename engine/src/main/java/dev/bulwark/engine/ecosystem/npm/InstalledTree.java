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
 * Cross-file facts of installed {@code node_modules} packages: each declared dependency resolved to the directory
 * node would load it from (unresolvable ones, such as optional packages for another platform, are dropped, as
 * {@code npm ls} shows them missing), and packages that only the project's {@code devDependencies} reach marked
 * development-only, as npm decides it. Without the project's package.json nothing is marked.
 */
final class InstalledTree {
    private final Map<String, Package> byDir = new HashMap<>();
    private final Map<String, List<String>> edges = new HashMap<>();

    private final NodeResolution<Package> resolution;

    InstalledTree(List<Package> installed) {
        for (Package p : installed) {
            byDir.put(dirOf(p.location()), p);
        }
        resolution = new NodeResolution<>(byDir);
        for (Map.Entry<String, Package> e : byDir.entrySet()) {
            List<String> to = new ArrayList<>(e.getValue().dependsOn().size());
            for (String spec : e.getValue().dependsOn()) {
                String dir = resolveDir(e.getKey(), DependencySpec.name(spec));
                if (dir != null) {
                    to.add(dir);
                }
            }
            edges.put(e.getKey(), to);
        }
    }

    /** The packages with resolved dependencies, development-only ones flagged per the projects' manifests. */
    List<Package> packages(List<Package> markers) {
        Set<String> development = new HashSet<>();
        Map<String, List<Package>> byProject = new HashMap<>();
        for (Package m : markers) {
            byProject.computeIfAbsent(ProjectRoots.projectDir(m), k -> new ArrayList<>()).add(m);
        }
        byProject.forEach((project, ms) -> {
            Set<String> runtime = new HashSet<>();
            Set<String> dev = new HashSet<>();
            for (Package m : ms) {
                Set<String> into = m.has(PackageFlag.DEVELOPMENT) ? dev : runtime;
                for (String name : ProjectRoots.names(m)) {
                    String dir = resolveDir(project, name);
                    if (dir != null) {
                        reach(dir, into);
                    }
                }
            }
            dev.removeAll(runtime);
            development.addAll(dev);
        });
        List<Package> out = new ArrayList<>(byDir.size());
        byDir.forEach((dir, p) -> {
            List<String> deps = new ArrayList<>();
            for (String d : edges.get(dir)) {
                Package q = byDir.get(d);
                deps.add(DependencySpec.of(q.name(), q.version()));
            }
            Package resolved = p.withDependsOn(deps);
            out.add(development.contains(dir) ? resolved.withFlags(Set.of(PackageFlag.DEVELOPMENT)) : resolved);
        });
        return out;
    }

    private String resolveDir(String from, String name) {
        Package p = resolution.resolve(from, name);
        return p == null ? null : dirOf(p.location());
    }

    private void reach(String start, Set<String> seen) {
        List<String> pending = new ArrayList<>(List.of(start));
        while (!pending.isEmpty()) {
            String dir = pending.remove(pending.size() - 1);
            if (seen.add(dir)) {
                pending.addAll(edges.getOrDefault(dir, List.of()));
            }
        }
    }

    static String dirOf(String packageJson) {
        return packageJson.substring(0, packageJson.length() - "/package.json".length());
    }
}
