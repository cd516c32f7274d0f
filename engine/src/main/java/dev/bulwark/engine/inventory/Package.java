package dev.bulwark.engine.inventory;

import java.util.List;
import java.util.Objects;

/**
 * One installed package as a cataloger found it.
 *
 * @param type the purl type of its ecosystem ({@code deb}, {@code rpm}, {@code apk}, ...)
 * @param version the full version as the package manager records it, epoch kept ({@code 1:2.36-9+deb12u4})
 * @param sourceName the source package it was built from, or null when the database records none
 * @param licenses license names or SPDX expressions where the database or package records them
 * @param foundBy the name of the cataloger that found it
 * @param location the path (no leading slash) of the file it was read from
 * @param layer the diffID of the layer that introduced it, or null for a plain directory scan
 * @param purl the package URL; null until the inventory is assembled and the distro is known
 */
public record Package(
        String type,
        String name,
        String version,
        String architecture,
        String sourceName,
        String sourceVersion,
        List<String> licenses,
        String foundBy,
        String location,
        String layer,
        String purl) {

    public Package {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    public Package withLayer(String layerDiffId) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layerDiffId, purl);
    }

    public Package withPurl(String packageUrl) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layer, packageUrl);
    }

    public Package withLocation(String path) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, path,
                layer, purl);
    }

    /** Identity within one database file: the same name, version and architecture is the same install. */
    public String identity() {
        return type + "/" + name + "@" + version + "/" + architecture;
    }
}
