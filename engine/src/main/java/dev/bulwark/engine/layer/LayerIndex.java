package dev.bulwark.engine.layer;

import dev.bulwark.engine.inventory.Warning;
import java.util.List;
import java.util.Map;

/**
 * What one layer contributes to the squashed view: whiteouts, opaque markers and links (which change how lower
 * layers are seen), the small well-known files captured whole (os-release and friends) and the warnings raised while
 * reading it. Cached per diffID.
 */
public record LayerIndex(List<FileEntry> structural, Map<String, byte[]> captured, List<Warning> warnings) {
    public LayerIndex {
        structural = List.copyOf(structural);
        captured = Map.copyOf(captured);
        warnings = List.copyOf(warnings);
    }
}
