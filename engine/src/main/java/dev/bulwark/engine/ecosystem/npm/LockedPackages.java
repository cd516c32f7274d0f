package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packages of one lockfile, one per name and version however many places the lockfile installs it: development-only
 * only when every place is, and depending on the union of what each place resolves to.
 */
final class LockedPackages {
    private final String location;
    private final Map<String, Entry> byId = new LinkedHashMap<>();

    private static final class Entry {
        final String name;
        final String version;
        final List<String> licenses;
        final Set<String> dependsOn = new LinkedHashSet<>();
        boolean development = true;

        Entry(String name, String version, List<String> licenses) {
            this.name = name;
            this.version = version;
            this.licenses = licenses;
        }
    }

    LockedPackages(String location) {
        this.location = location;
    }

    void add(String name, String version, List<String> licenses, boolean development, Iterable<String> dependsOn) {
        Entry e = byId.computeIfAbsent(name + "@" + version, k -> new Entry(name, version, licenses));
        e.development &= development;
        for (String d : dependsOn) {
            e.dependsOn.add(d);
        }
    }

    List<Package> packages() {
        List<Package> out = new ArrayList<>(byId.size());
        for (Entry e : byId.values()) {
            out.add(new Package("npm", e.name, e.version, null, null, null, e.licenses, NpmCataloger.NAME, location,
                    null, null, null, List.copyOf(e.dependsOn),
                    e.development ? Set.of(PackageFlag.DEVELOPMENT) : Set.of(), null));
        }
        return out;
    }
}
