package dev.bulwark.engine.ecosystem;

import dev.bulwark.engine.ecosystem.apk.ApkVersion;
import dev.bulwark.engine.ecosystem.dotnet.NuGetVersion;
import dev.bulwark.engine.ecosystem.dpkg.DebianVersion;
import dev.bulwark.engine.ecosystem.golang.GoModuleVersion;
import dev.bulwark.engine.ecosystem.java.MavenVersion;
import dev.bulwark.engine.ecosystem.npm.NpmVersion;
import dev.bulwark.engine.ecosystem.php.ComposerVersion;
import dev.bulwark.engine.ecosystem.python.Pep440Version;
import dev.bulwark.engine.ecosystem.ruby.GemVersion;
import dev.bulwark.engine.ecosystem.rpm.RpmVersion;
import dev.bulwark.engine.ecosystem.rust.CargoVersion;
import dev.bulwark.engine.version.VersionScheme;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every ecosystem's version scheme, and which one applies to an OSV ecosystem name ({@code Debian:12},
 * {@code Alpine:v3.20}, {@code PyPI}) or to an inventory package type ({@code deb}, {@code pypi}). Adding an ecosystem
 * adds a line here.
 */
public final class VersionSchemes {
    private VersionSchemes() {
    }

    /** All schemes, each once. */
    public static List<VersionScheme> all() {
        return List.of(DebianVersion.SCHEME, RpmVersion.SCHEME, ApkVersion.SCHEME, MavenVersion.SCHEME,
                NpmVersion.SCHEME, Pep440Version.SCHEME, GoModuleVersion.SCHEME, GemVersion.SCHEME,
                NuGetVersion.SCHEME, ComposerVersion.SCHEME, CargoVersion.SCHEME);
    }

    /**
     * The scheme for an OSV ecosystem name; a release suffix after {@code :} is ignored ({@code Debian:12},
     * {@code Ubuntu:22.04:LTS}, {@code Red Hat:enterprise_linux:9::appstream}). Empty for ecosystems without one here.
     */
    public static Optional<VersionScheme> forEcosystem(String osvEcosystem) {
        if (osvEcosystem == null) {
            return Optional.empty();
        }
        int colon = osvEcosystem.indexOf(':');
        String base = (colon < 0 ? osvEcosystem : osvEcosystem.substring(0, colon)).strip();
        VersionScheme s = switch (base) {
            case "Debian", "Ubuntu" -> DebianVersion.SCHEME;
            case "Alpine", "Wolfi", "Chainguard" -> ApkVersion.SCHEME;
            case "AlmaLinux", "Rocky Linux", "Red Hat", "openSUSE", "SUSE", "Mageia", "Photon OS",
                    "openEuler", "Azure Linux", "Oracle Linux" -> RpmVersion.SCHEME;
            case "Maven" -> MavenVersion.SCHEME;
            case "npm" -> NpmVersion.SCHEME;
            case "PyPI" -> Pep440Version.SCHEME;
            case "Go" -> GoModuleVersion.SCHEME;
            case "crates.io" -> CargoVersion.SCHEME;
            case "RubyGems" -> GemVersion.SCHEME;
            case "NuGet" -> NuGetVersion.SCHEME;
            case "Packagist" -> ComposerVersion.SCHEME;
            default -> null;
        };
        return Optional.ofNullable(s);
    }

    /** The scheme for an inventory package's purl type ({@code deb}, {@code rpm}, {@code golang}, ...). */
    public static Optional<VersionScheme> forPackageType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        VersionScheme s = switch (type.toLowerCase(Locale.ROOT)) {
            case "deb" -> DebianVersion.SCHEME;
            case "rpm" -> RpmVersion.SCHEME;
            case "apk" -> ApkVersion.SCHEME;
            case "maven" -> MavenVersion.SCHEME;
            case "npm" -> NpmVersion.SCHEME;
            case "pypi" -> Pep440Version.SCHEME;
            case "golang" -> GoModuleVersion.SCHEME;
            case "cargo" -> CargoVersion.SCHEME;
            case "gem" -> GemVersion.SCHEME;
            case "nuget" -> NuGetVersion.SCHEME;
            case "composer" -> ComposerVersion.SCHEME;
            default -> null;
        };
        return Optional.ofNullable(s);
    }
}
