package dev.bulwark.engine.hardening;

import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.inventory.Inventory;
import java.util.Objects;

/**
 * Everything the hardening checks read.
 *
 * @param reference the registry reference the user gave ({@code nginx:1.27}, {@code repo@sha256:...}), or null for
 *     archives, layouts and directories, where tags do not apply
 * @param inventory the image's packages (to name the OS packages that bring tools), or null
 * @param notables the squashed notable files ({@link NotableSquash}); {@link ImageNotables#none()} when the layers
 *     were not read
 * @param golden the approved base images, {@link GoldenBases#none()} when none are configured
 */
public record HardeningInput(ImageConfig config, String reference, Inventory inventory, ImageNotables notables,
        GoldenBases golden) {

    public HardeningInput {
        Objects.requireNonNull(config, "config");
        notables = notables == null ? ImageNotables.none() : notables;
        golden = golden == null ? GoldenBases.none() : golden;
    }
}
