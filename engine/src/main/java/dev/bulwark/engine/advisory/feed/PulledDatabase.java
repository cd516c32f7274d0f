package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.image.Digest;
import java.nio.file.Path;
import java.util.Map;

/**
 * A database file pulled from a registry and moved into place.
 *
 * @param manifestDigest the verified digest of the artifact manifest
 * @param file where the database now is
 * @param size its size in bytes
 * @param contentDigest the sha256 of the database file (checked against the manifest's annotation)
 * @param annotations the manifest annotations (schema version, build time, ...)
 */
public record PulledDatabase(Digest manifestDigest, Path file, long size, Digest contentDigest,
        Map<String, String> annotations) {
    public PulledDatabase {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The schema version recorded at push time. */
    public String schemaVersion() {
        return annotations.get(DatabaseArtifact.SCHEMA_VERSION);
    }

    /** The build time recorded at push time (RFC 3339). */
    public String built() {
        return annotations.get(DatabaseArtifact.CREATED);
    }
}
