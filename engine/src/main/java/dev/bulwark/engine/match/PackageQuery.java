package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.version.VersionScheme;
import java.util.Objects;

/**
 * What to look up for one installed package: the advisory key (a distro package by its SOURCE name and release, a
 * language package by its ecosystem's name), the version advisories compare against, and the scheme that orders it.
 *
 * @param matcher a short name saying which rules built the query ({@code dpkg}, {@code apk}, {@code osv-maven})
 */
record PackageQuery(Package pkg, PackageKey key, String version, VersionScheme scheme, String matcher) {
    PackageQuery {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scheme, "scheme");
    }
}
