package dev.bulwark.engine.ecosystem.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * The module information of a Go binary, as {@code go version -m} prints it: tab-separated lines {@code path},
 * {@code mod} (the main module), {@code dep} (each module in the build list) and {@code =>} (the replacement of the
 * module on the line before). Build settings are not needed for the inventory and are skipped.
 */
record ModInfo(String path, Module main, List<Module> deps) {
    /** The most modules one binary can declare before the rest are dropped with a warning. */
    static final int MAX_MODULES = 50_000;

    /** One module; {@code replacement} is the module that was built in its place, or null. */
    record Module(String path, String version, String sum, Module replacement) {
        Module replacedBy(Module r) {
            return new Module(path, version, sum, r);
        }
    }

    /** Parses the text; malformed lines are counted in {@code skipped[0]} and left out. */
    static ModInfo parse(String text, int[] skipped) {
        String path = null;
        Module main = null;
        List<Module> deps = new ArrayList<>();
        boolean lastWasDep = false;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "path" -> path = f.length > 1 ? f[1] : null;
                case "mod" -> {
                    main = module(f);
                    lastWasDep = false;
                    if (main == null) {
                        skipped[0]++;
                    }
                }
                case "dep" -> {
                    Module m = module(f);
                    if (m == null) {
                        skipped[0]++;
                    } else if (deps.size() < MAX_MODULES) {
                        deps.add(m);
                    } else {
                        skipped[0]++;
                    }
                    lastWasDep = m != null;
                }
                case "=>" -> {
                    Module r = module(f);
                    if (r == null) {
                        skipped[0]++;
                    } else if (lastWasDep && !deps.isEmpty()) {
                        deps.set(deps.size() - 1, deps.get(deps.size() - 1).replacedBy(r));
                    } else if (main != null && !lastWasDep) {
                        main = main.replacedBy(r);
                    } else {
                        skipped[0]++;
                    }
                }
                case "build", "go" -> { }
                default -> skipped[0]++;
            }
        }
        return new ModInfo(path, main, List.copyOf(deps));
    }

    // A replacement by a local directory has a path and no version; modules always have both.
    private static Module module(String[] f) {
        if (f.length < 2 || f[1].isEmpty()) {
            return null;
        }
        String version = f.length > 2 ? f[2] : "";
        String sum = f.length > 3 && !f[3].isEmpty() ? f[3] : null;
        return new Module(f[1], version, sum, null);
    }
}
