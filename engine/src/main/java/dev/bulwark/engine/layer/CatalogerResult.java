package dev.bulwark.engine.layer;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.util.List;
import java.util.Map;

/**
 * What one cataloger found in one layer: every file it parsed (even those that held no package, because a newer copy
 * of a file hides an older one), the packages, its warnings, and for OS package databases the files each OS
 * package installed (path to owner, only for files other catalogers read). Cached per diffID, cataloger name and
 * version.
 */
public record CatalogerResult(List<String> parsedPaths, List<Package> packages, List<Warning> warnings,
        Map<String, String> owned) {
    public CatalogerResult {
        parsedPaths = List.copyOf(parsedPaths);
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
        owned = owned == null ? Map.of() : Map.copyOf(owned);
    }

    public CatalogerResult(List<String> parsedPaths, List<Package> packages, List<Warning> warnings) {
        this(parsedPaths, packages, warnings, Map.of());
    }
}
