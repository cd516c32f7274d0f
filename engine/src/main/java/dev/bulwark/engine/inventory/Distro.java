package dev.bulwark.engine.inventory;

/**
 * The operating system an image or root filesystem is built on, from {@code os-release} or a fallback file.
 *
 * @param id the os-release {@code ID} ({@code debian}, {@code alpine}, {@code rhel}...)
 * @param versionId the os-release {@code VERSION_ID} ({@code 12}, {@code 3.20.3}), or null for rolling or unknown
 * @param codename {@code VERSION_CODENAME} where known ({@code bookworm})
 * @param prettyName a human name ({@code Debian GNU/Linux 12 (bookworm)})
 * @param source the file the answer came from
 */
public record Distro(String id, String versionId, String codename, String prettyName, String idLike, String source) {

    /** The purl {@code distro} qualifier value: {@code debian-12}, {@code alpine-3.20.3}. */
    public String purlQualifier() {
        return versionId == null || versionId.isEmpty() ? id : id + "-" + versionId;
    }
}
