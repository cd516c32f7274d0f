package dev.bulwark.engine.inventory;

import java.util.List;

/**
 * What is in one target: its distro, its packages and the layers they came from. This is the output of indexing;
 * it can be stored and matched again later without reading the image.
 */
public record Inventory(Target target, Distro distro, List<LayerInfo> layers, List<Package> packages,
        List<Warning> warnings) {

    public Inventory {
        layers = List.copyOf(layers);
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }

    /**
     * What was scanned.
     *
     * @param kind {@code image} or {@code filesystem}
     * @param name the reference, file or path the user gave
     * @param manifestDigest null for a filesystem
     * @param configDigest the image ID; null for a filesystem
     */
    public record Target(String kind, String name, String manifestDigest, String configDigest, List<String> repoTags,
            String os, String architecture) {
        public Target {
            repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        }
    }
}
