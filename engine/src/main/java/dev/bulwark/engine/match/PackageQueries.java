package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns installed packages into advisory queries, one explicit rule per package type. Distro packages are looked up
 * by source package and release, because distro advisories are written per source package and their fixed
 * versions are source versions; language packages by their ecosystem's canonical name.
 */
final class PackageQueries {
    /** Debian releases by codename, for images whose os-release has no VERSION_ID (testing, sid). */
    private static final Map<String, String> DEBIAN_CODENAMES = Map.of("buster", "10", "bullseye", "11",
            "bookworm", "12", "trixie", "13", "forky", "14");

    private static final Map<String, String> LANGUAGE_ECOSYSTEMS = Map.of("maven", "Maven", "npm", "npm",
            "pypi", "PyPI", "golang", "Go", "cargo", "crates.io", "gem", "RubyGems", "nuget", "NuGet",
            "composer", "Packagist");

    private final Function<String, Optional<VersionScheme>> schemes;

    PackageQueries(Function<String, Optional<VersionScheme>> schemes) {
        this.schemes = schemes;
    }

    /**
     * The queries for {@code pkg}: none for a package owned by an OS package (its flaws are matched once, through
     * that package), none when its ecosystem or release is unknown. Returns why not in {@code skipped}.
     */
    List<PackageQuery> of(Package pkg, Distro distro, List<String> skipped) {
        if (pkg.ownedBy() != null) {
            return List.of();
        }
        List<PackageQuery> out = new ArrayList<>(2);
        switch (pkg.type()) {
            case "deb" -> distroQuery(pkg, debianEcosystems(distro), "dpkg", true, out, skipped);
            case "apk" -> distroQuery(pkg, alpineEcosystems(distro), "apk", true, out, skipped);
            case "rpm" -> distroQuery(pkg, rpmEcosystems(distro), "rpm", false, out, skipped);
            default -> {
                String ecosystem = LANGUAGE_ECOSYSTEMS.get(pkg.type());
                if (ecosystem == null) {
                    skipped.add(pkg.type() + " packages have no advisory ecosystem");
                    return List.of();
                }
                add(pkg, ecosystem, pkg.name(), pkg.version(), "osv-" + pkg.type(), out, skipped);
            }
        }
        return out;
    }

    private void distroQuery(Package pkg, List<String> ecosystems, String matcher, boolean bySource,
            List<PackageQuery> out, List<String> skipped) {
        if (ecosystems.isEmpty()) {
            skipped.add(pkg.type() + " package " + pkg.name() + ": the distribution release is unknown");
            return;
        }
        String name = bySource && pkg.sourceName() != null && !pkg.sourceName().isEmpty() ? pkg.sourceName()
                : pkg.name();
        String version = bySource && pkg.sourceVersion() != null && !pkg.sourceVersion().isEmpty()
                ? pkg.sourceVersion() : pkg.version();
        for (String ecosystem : ecosystems) {
            add(pkg, ecosystem, name, version, matcher, out, skipped);
            if (!bySource && pkg.sourceName() != null && !pkg.sourceName().equals(pkg.name())) {
                // rpm advisories name binary packages in some feeds and source packages in others
                add(pkg, ecosystem, pkg.sourceName(), pkg.version(), matcher, out, skipped);
            }
        }
    }

    private void add(Package pkg, String ecosystem, String name, String version, String matcher,
            List<PackageQuery> out, List<String> skipped) {
        Optional<VersionScheme> scheme = schemes.apply(ecosystem);
        if (scheme.isEmpty()) {
            skipped.add("no version rules for ecosystem " + ecosystem);
            return;
        }
        try {
            out.add(new PackageQuery(pkg, new PackageKey(ecosystem, name), version, scheme.get(), matcher));
        } catch (IllegalArgumentException e) {
            skipped.add(pkg.type() + " package name cannot be looked up: " + e.getMessage());
        }
    }

    static List<String> debianEcosystems(Distro d) {
        if (d == null || !"debian".equals(d.id())) {
            if (d != null && "ubuntu".equals(d.id()) && d.versionId() != null) {
                return List.of("Ubuntu:" + d.versionId() + ":LTS", "Ubuntu:" + d.versionId());
            }
            return List.of();
        }
        String release = d.versionId();
        if (release == null || release.isEmpty()) {
            release = d.codename() == null ? null : DEBIAN_CODENAMES.get(d.codename().toLowerCase(Locale.ROOT));
        }
        if (release == null) {
            return List.of();
        }
        int dot = release.indexOf('.');
        return List.of("Debian:" + (dot < 0 ? release : release.substring(0, dot)));
    }

    static List<String> alpineEcosystems(Distro d) {
        if (d == null || !"alpine".equals(d.id()) || d.versionId() == null) {
            return List.of();
        }
        String[] parts = d.versionId().split("\\.");
        return parts.length < 2 ? List.of() : List.of("Alpine:v" + parts[0] + "." + parts[1]);
    }

    static List<String> rpmEcosystems(Distro d) {
        if (d == null || d.versionId() == null) {
            return List.of();
        }
        String major = d.versionId().split("\\.")[0];
        return switch (d.id()) {
            case "almalinux" -> List.of("AlmaLinux:" + major);
            case "rocky" -> List.of("Rocky Linux:" + major);
            case "rhel" -> List.of("Red Hat:" + major);
            default -> List.of();
        };
    }
}
