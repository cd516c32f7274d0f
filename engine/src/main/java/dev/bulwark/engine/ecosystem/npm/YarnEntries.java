package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.inventory.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one yarn.lock (classic or berry) and their resolution: a dependency {@code name: range} resolves
 * to the entry whose specs include {@code name@range}, the same key Yarn itself writes.
 */
final class YarnEntries {
    static final int MAX_ENTRIES = 500_000;

    /** One lockfile block: the specs it satisfies, the version it locks and its declared dependencies. */
    static final class Entry {
        final List<String> specs;
        final Map<String, String> dependencies = new LinkedHashMap<>();
        String name;
        String version;

        Entry(List<String> specs) {
            this.specs = specs;
        }
    }

    private final String location;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> bySpec = new HashMap<>();
    private final Map<String, Entry> byName = new HashMap<>();

    YarnEntries(String location) {
        this.location = location;
    }

    String location() {
        return location;
    }

    void add(Entry e) {
        if (entries.size() >= MAX_ENTRIES) {
            throw new TooManyEntries();
        }
        if (e.name == null) {
            e.name = realName(e.specs.get(0));
        }
        entries.add(e);
        for (String spec : e.specs) {
            bySpec.put(spec, e);
        }
        // A name locked at several versions cannot be resolved by name alone; null marks that.
        byName.merge(e.name, e, (a, b) -> a.version.equals(b.version) ? a : null);
    }

    /** {@code alias@npm:real@^1} names {@code real}; anything else names what precedes its range. */
    static String realName(String spec) {
        String name = DependencySpec.name(spec);
        String range = DependencySpec.rest(spec);
        if (range.startsWith("npm:") && range.indexOf('@', 5) > 0) {
            return DependencySpec.name(range.substring(4));
        }
        return name;
    }

    List<Package> packages() {
        LockedPackages out = new LockedPackages(location);
        for (Entry e : entries) {
            List<String> deps = new ArrayList<>(e.dependencies.size());
            e.dependencies.forEach((name, range) -> {
                Entry d = bySpec.get(name + "@" + range);
                if (d == null) {
                    d = bySpec.get(name + "@npm:" + range);
                }
                if (d == null) {
                    d = byName.get(name);
                }
                if (d != null) {
                    deps.add(DependencySpec.of(d.name, d.version));
                }
            });
            out.add(e.name, e.version, List.of(), false, deps);
        }
        return out.packages();
    }

    /** Stops reading past {@link #MAX_ENTRIES}. */
    static final class TooManyEntries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyEntries() {
            super(null, null, false, false);
        }
    }
}
