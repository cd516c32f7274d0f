package dev.bulwark.engine.hardening;

import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import java.util.List;
import java.util.Objects;

/**
 * One approved base image: a name and its layer diffIDs, lowest first. An image is based on it when its own diffID
 * chain starts with exactly these. An entry read from a file may name a {@code reference} instead; the caller
 * resolves it (pulls its config) and calls {@link #withDiffIds}.
 *
 * @param reference the image reference the entry was declared with, or null
 */
public record GoldenBase(String name, String reference, List<Digest> diffIds) {

    public GoldenBase {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("golden base name is empty");
        }
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        if (diffIds.isEmpty() && (reference == null || reference.isBlank())) {
            throw new IllegalArgumentException("golden base " + name + " has neither diffIds nor a reference");
        }
    }

    /** An entry from an image the caller has opened: its config's rootfs diffIDs are the chain. */
    public static GoldenBase of(String name, Image image) {
        return new GoldenBase(name, image.name(), image.config().diffIds());
    }

    /** Whether the diffIDs are known (else the reference must be resolved first). */
    public boolean resolved() {
        return !diffIds.isEmpty();
    }

    public GoldenBase withDiffIds(List<Digest> chain) {
        return new GoldenBase(name, reference, chain);
    }
}
