package dev.bulwark.engine.scan;

import dev.bulwark.engine.image.Layer;

/** Progress callbacks for a face to show; all methods may be called from several threads. */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {
    };

    /** A layer is about to be read ({@code cached} false) or was answered from the cache ({@code cached} true). */
    default void layerStarted(Layer layer, boolean cached) {
    }

    /** {@code bytes} more of a layer blob were read. */
    default void bytesRead(Layer layer, long bytes) {
    }

    default void layerFinished(Layer layer) {
    }
}
