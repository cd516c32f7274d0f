package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's direct dependencies, read from its own {@code package.json} and carried from {@link NpmCataloger#parse}
 * to {@link NpmCataloger#assemble} as marker packages (the only channel between the two, and cached with the layer).
 * A marker is never reported: assemble uses it to mark development-only packages and drops it.
 */
final class ProjectRoots {
    /** Not a purl type, so a marker that escaped assemble would be obvious; none does. */
    static final String TYPE = "npm-project-roots";

    private ProjectRoots() {
    }

    /**
     * Two markers for the manifest at {@code path}: run-time roots (dependencies, optional and peer dependencies) and
     * development roots (flagged {@link PackageFlag#DEVELOPMENT}), each as {@code name@range}.
     */
    static List<Package> of(String path, Map<String, String> runtime, Map<String, String> development) {
        return List.of(marker(path, runtime, Set.of()), marker(path, development, Set.of(PackageFlag.DEVELOPMENT)));
    }

    private static Package marker(String path, Map<String, String> deps, Set<PackageFlag> flags) {
        List<String> specs = new ArrayList<>(deps.size());
        deps.forEach((name, range) -> specs.add(name + "@" + range));
        return new Package(TYPE, path, flags.isEmpty() ? "runtime" : "development", null, null, null, List.of(),
                NpmCataloger.NAME, path, null, null, null, specs, flags, null);
    }

    static boolean isMarker(Package p) {
        return TYPE.equals(p.type());
    }

    /** The directory of the manifest a marker came from, without a trailing slash; empty for the root. */
    static String projectDir(Package marker) {
        String path = marker.location();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The dependency names of a marker (specs are {@code name@range}; scoped names start with {@code @}). */
    static List<String> names(Package marker) {
        List<String> names = new ArrayList<>(marker.dependsOn().size());
        for (String spec : marker.dependsOn()) {
            names.add(DependencySpec.name(spec));
        }
        return names;
    }
}
