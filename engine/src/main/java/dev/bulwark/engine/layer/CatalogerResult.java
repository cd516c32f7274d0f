package dev.bulwark.engine.layer;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.util.List;

/**
 * What one cataloger found in one layer: every file it parsed (even those that held no package, because a newer copy
 * of a file hides an older one), the packages, and its warnings. Cached per diffID, cataloger name and version.
 */
public record CatalogerResult(List<String> parsedPaths, List<Package> packages, List<Warning> warnings) {
    public CatalogerResult {
        parsedPaths = List.copyOf(parsedPaths);
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }
}
