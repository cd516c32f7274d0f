package dev.bulwark.engine.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * @param hashes digests of the file the package was read from where the cataloger records one ({@code sha1} of a
 *     jar), algorithm to lowercase hex
 * @param dependsOn the direct dependencies the source records, each as {@code name@version} of the same ecosystem
 * @param flags facts about how it was found or is used (development-only, lower confidence)
 * @param ownedBy the OS package ({@code deb/python3-yaml}) whose files include this package's, or null; matching
 *     counts a flaw in such a package once, through its OS package
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
        String purl,
        Map<String, String> hashes,
        List<String> dependsOn,
        Set<PackageFlag> flags,
        String ownedBy) {

    public Package {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        hashes = hashes == null ? Map.of() : Map.copyOf(hashes);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    /** A package with no hashes, dependencies, flags or owner. */
    public Package(String type, String name, String version, String architecture, String sourceName,
            String sourceVersion, List<String> licenses, String foundBy, String location, String layer, String purl) {
        this(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location, layer, purl,
                null, null, null, null);
    }

    public Package withLayer(String layerDiffId) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layerDiffId, purl, hashes, dependsOn, flags, ownedBy);
    }

    public Package withPurl(String packageUrl) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layer, packageUrl, hashes, dependsOn, flags, ownedBy);
    }

    public Package withLocation(String path) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, path, layer, purl, hashes, dependsOn, flags, ownedBy);
    }

    public Package withLicenses(List<String> values) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, values, foundBy, location,
                layer, purl, hashes, dependsOn, flags, ownedBy);
    }

    public Package withHashes(Map<String, String> values) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layer, purl, values, dependsOn, flags, ownedBy);
    }

    public Package withDependsOn(List<String> values) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layer, purl, hashes, values, flags, ownedBy);
    }

    public Package withFlags(Set<PackageFlag> values) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layer, purl, hashes, dependsOn, values, ownedBy);
    }

    public Package withOwnedBy(String osPackage) {
        return new Package(type, name, version, architecture, sourceName, sourceVersion, licenses, foundBy, location,
                layer, purl, hashes, dependsOn, flags, osPackage);
    }

    public boolean has(PackageFlag flag) {
        return flags.contains(flag);
    }

    /** Identity within one database file: the same name, version and architecture is the same install. */
    public String identity() {
        return type + "/" + name + "@" + version + "/" + architecture;
    }
}
