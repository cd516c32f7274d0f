package dev.bulwark.engine.image;

import java.util.List;
import java.util.Optional;

/** An OCI image index or Docker manifest list: one manifest per platform. */
public record ImageIndex(String mediaType, List<Descriptor> manifests) implements ManifestDocument {
    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    /** The first manifest whose platform the wanted platform accepts. */
    public Optional<Descriptor> select(Platform wanted) {
        return manifests.stream().filter(d -> wanted.accepts(d.platform())).findFirst();
    }

    /** The platforms on offer, for an error message. */
    public String platforms() {
        return manifests.stream().map(d -> String.valueOf(d.platform())).distinct().toList().toString();
    }
}
