package dev.bulwark.engine.image;

import java.util.List;
import java.util.Objects;

/** An image manifest (OCI or Docker schema 2): one config blob and the ordered layer blobs. */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) implements ManifestDocument {
    public ImageManifest {
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
    }
}
