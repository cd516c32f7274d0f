package dev.bulwark.engine.ecosystem.python;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages of one lockfile as a graph by normalised name: dependencies resolve by name (every locked version of
 * that name, since lockfiles may fork by environment marker), and development-only packages are those development
 * roots reach and run-time roots do not.
 */
final class LockGraph {
    static final int MAX_ENTRIES = 200_000;

    private record Locked(String name, String version, List<String> licenses, List<String> requires,
            Boolean development) {
    }

    private final String location;
    private final List<Locked> locked = new ArrayList<>();
    private final Map<String, List<Locked>> byName = new LinkedHashMap<>();

    LockGraph(String location) {
        this.location = location;
    }

    /** Whether another entry fits; past {@link #MAX_ENTRIES} the caller warns once and stops. */
    boolean full() {
        return locked.size() >= MAX_ENTRIES;
    }

    /**
     * One locked package.
     *
     * @param development what the lockfile itself says, or null when it says nothing and reachability decides
     */
    void add(String name, String version, List<String> licenses, List<String> requires, Boolean development) {
        Locked l = new Locked(Pep503.normalize(name), version, licenses, requires, development);
        locked.add(l);
        byName.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l);
    }

    List<Package> packages(List<String> runtimeRoots, List<String> developmentRoots) {
        Set<String> runtime = reach(runtimeRoots);
        Set<String> dev = reach(developmentRoots);
        List<Package> out = new ArrayList<>(locked.size());
        Set<String> seen = new HashSet<>();
        for (Locked l : locked) {
            if (!seen.add(l.name() + "@" + l.version())) {
                continue;
            }
            boolean development = l.development() != null ? l.development()
                    : dev.contains(l.name()) && !runtime.contains(l.name());
            List<String> deps = new ArrayList<>();
            for (String r : l.requires()) {
                for (Locked d : byName.getOrDefault(Pep503.normalize(r), List.of())) {
                    String id = d.name() + "@" + d.version();
                    if (!deps.contains(id)) {
                        deps.add(id);
                    }
                }
            }
            out.add(new Package("pypi", l.name(), l.version(), null, null, null, l.licenses(), PythonCataloger.NAME,
                    location, null, null, null, deps, development ? Set.of(PackageFlag.DEVELOPMENT) : Set.of(),
                    null));
        }
        return out;
    }

    private Set<String> reach(List<String> roots) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>();
        for (String r : roots) {
            pending.add(Pep503.normalize(r));
        }
        while (!pending.isEmpty()) {
            String n = pending.remove(pending.size() - 1);
            if (seen.add(n)) {
                for (Locked l : byName.getOrDefault(n, List.of())) {
                    pending.addAll(l.requires().stream().map(Pep503::normalize).toList());
                }
            }
        }
        return seen;
    }
}
