package dev.bulwark.engine.ecosystem.rpm;

/**
 * The source package named by a binary package's SOURCERPM tag, {@code name-version-release.src.rpm}; the name may
 * itself contain dashes, version and release may not.
 */
record SourceRpm(String name, String version, String release) {

    /** The parts of {@code fileName}, or null when it does not have the {@code n-v-r.src.rpm} shape. */
    static SourceRpm parse(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base;
        if (fileName.endsWith(".src.rpm")) {
            base = fileName.substring(0, fileName.length() - ".src.rpm".length());
        } else if (fileName.endsWith(".nosrc.rpm")) {
            base = fileName.substring(0, fileName.length() - ".nosrc.rpm".length());
        } else {
            return null;
        }
        int releaseDash = base.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : base.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || releaseDash == base.length() - 1 || versionDash + 1 == releaseDash) {
            return null;
        }
        return new SourceRpm(base.substring(0, versionDash), base.substring(versionDash + 1, releaseDash),
                base.substring(releaseDash + 1));
    }
}
