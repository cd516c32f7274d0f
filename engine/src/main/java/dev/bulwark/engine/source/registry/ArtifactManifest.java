package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import java.util.Map;
import java.util.Objects;

/**
 * What a pulled single-blob artifact's manifest says: its verified digest, its type ({@code artifactType}, or the
 * config media type for artifacts written before OCI 1.1), the one blob and the manifest annotations.
 */
public record ArtifactManifest(Digest digest, String artifactType, Descriptor layer, Map<String, String> annotations) {
    public ArtifactManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(layer, "layer");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
