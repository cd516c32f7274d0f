package dev.bulwark.engine.testing;

import java.nio.file.Path;

/** The paths {@code debian-image.sh} writes; see that script for what each holds. */
public record DebianImages(Path dir) {
    public Path rootfs() {
        return dir.resolve("rootfs");
    }

    public Path baseDpkg() {
        return dir.resolve("base.dpkg.tsv");
    }

    public Path finalDpkg() {
        return dir.resolve("final.dpkg.tsv");
    }

    public Path baseDockerArchive() {
        return dir.resolve("base.docker.tar");
    }

    public Path finalDockerArchive() {
        return dir.resolve("final.docker.tar");
    }

    public Path finalOciArchive() {
        return dir.resolve("final.oci.tar");
    }

    public Path finalOciLayout() {
        return dir.resolve("final.oci");
    }

    public Path finalConfig() {
        return dir.resolve("final.config.json");
    }

    public Path finalInspect() {
        return dir.resolve("final.inspect.json");
    }
}
