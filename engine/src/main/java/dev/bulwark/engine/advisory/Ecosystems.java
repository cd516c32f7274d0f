package dev.bulwark.engine.advisory;

import java.util.Set;

/**
 * The ecosystem names of the OSV schema, which Bulwark uses verbatim. A name may carry a release suffix after the
 * first colon ({@code Debian:12}, {@code Alpine:v3.20}, {@code Ubuntu:22.04:LTS}); the part before it is the base.
 */
public final class Ecosystems {
    private static final Set<String> KNOWN = Set.of("AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux",
            "BellSoft Hardened Containers", "Bioconductor", "Bitnami", "Chainguard", "CleanStart", "ConanCenter", "CRAN",
            "crates.io", "Debian", "Docker Hardened Images", "Echo", "FreeBSD", "GHC", "GIT", "GitHub Actions", "Go",
            "Hackage", "Hex", "Julia", "Linux", "Mageia", "Maven", "MinimOS", "npm", "NuGet", "opam", "openEuler",
            "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat", "Rocky Linux", "Root",
            "RubyGems", "SUSE", "SwiftURL", "Ubuntu", "VSCode", "Wolfi");

    private Ecosystems() {
    }

    /** The part before the first colon: {@code Debian} for {@code Debian:12}. */
    public static String base(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    /** Whether the base of {@code ecosystem} is an OSV ecosystem and any release suffix is non-empty. */
    public static boolean isKnown(String ecosystem) {
        if (ecosystem == null || ecosystem.isEmpty() || ecosystem.endsWith(":") || ecosystem.contains("::")) {
            return false;
        }
        return KNOWN.contains(base(ecosystem));
    }
}
