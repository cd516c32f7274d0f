package dev.bulwark.engine.image;

import java.util.Map;
import java.util.Objects;

/** An OCI content descriptor: what a manifest or index says about one blob. */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform, Map<String, String> annotations) {
    public Descriptor {
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + digest);
        }
        mediaType = mediaType == null ? "" : mediaType;
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, Map.of());
    }
}
