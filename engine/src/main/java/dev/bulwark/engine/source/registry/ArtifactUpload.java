package dev.bulwark.engine.source.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A single-blob OCI artifact to push: the blob file, its media type, and the manifest's {@code artifactType} and
 * annotations. The manifest carries the OCI 1.1 empty config, as the image spec asks of artifacts without config.
 *
 * @param artifactType the manifest's {@code artifactType}, e.g. {@code application/vnd.bulwark.advisory-db.v1}
 * @param layerMediaType the blob's media type, naming its compression
 * @param layerFile the blob's bytes, uploaded as they are
 * @param layerAnnotations annotations on the blob's descriptor (e.g. {@code org.opencontainers.image.title})
 * @param annotations annotations on the manifest
 */
public record ArtifactUpload(String artifactType, String layerMediaType, Path layerFile,
        Map<String, String> layerAnnotations, Map<String, String> annotations) {
    public ArtifactUpload {
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(layerMediaType, "layerMediaType");
        Objects.requireNonNull(layerFile, "layerFile");
        layerAnnotations = layerAnnotations == null ? Map.of() : Map.copyOf(layerAnnotations);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
