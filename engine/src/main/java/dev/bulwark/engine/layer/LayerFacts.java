package dev.bulwark.engine.layer;

import java.util.Map;

/**
 * Everything read from one layer: its index, each cataloger's result by cataloger name, and the secrets found in its
 * files (null when secrets were not scanned).
 */
public record LayerFacts(LayerIndex index, Map<String, CatalogerResult> catalogers, LayerSecrets secrets) {
    public LayerFacts {
        catalogers = Map.copyOf(catalogers);
    }

    public LayerFacts(LayerIndex index, Map<String, CatalogerResult> catalogers) {
        this(index, catalogers, null);
    }
}
