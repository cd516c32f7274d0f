package dev.bulwark.engine.layer;

import java.util.Map;

/** Everything read from one layer: its index and each cataloger's result, by cataloger name. */
public record LayerFacts(LayerIndex index, Map<String, CatalogerResult> catalogers) {
    public LayerFacts {
        catalogers = Map.copyOf(catalogers);
    }
}
