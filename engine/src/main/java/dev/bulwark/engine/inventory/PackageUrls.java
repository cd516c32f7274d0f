package dev.bulwark.engine.inventory;

/** Placeholder until the full purl builder lands; replaced by the report branch. */
public final class PackageUrls {
    private PackageUrls() {
    }

    public static String of(Package p, Distro distro) {
        return null;
    }
}
