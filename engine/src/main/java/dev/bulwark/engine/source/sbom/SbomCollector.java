package dev.bulwark.engine.source.sbom;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.ParsedPurl;
import dev.bulwark.engine.inventory.Warning;
import java.util.ArrayList;
import java.util.List;

/** Gathers packages, warnings and the distro while an SBOM document is walked. */
final class SbomCollector {
    static final int MAX_PACKAGES = 1_000_000;
    private static final int MAX_WARNINGS = 1000;

    final String where;
    final List<Package> packages = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    Distro distro;
    private int suppressed;

    SbomCollector(String where) {
        this.where = where;
    }

    /** Adds the package a purl names; anything unusable becomes a warning naming the component. */
    void add(String purl, List<String> licenses, String component) {
        if (packages.size() >= MAX_PACKAGES) {
            warn("sbom.too-many-packages", "more than " + MAX_PACKAGES + " packages; the rest are skipped");
            return;
        }
        if (purl == null || purl.isEmpty()) {
            warn("sbom.no-purl", component + " has no purl; skipped");
            return;
        }
        ParsedPurl parsed;
        try {
            parsed = ParsedPurl.parse(purl);
        } catch (BulwarkException e) {
            warn("sbom.bad-purl", component + ": " + e.getMessage());
            return;
        }
        if (parsed.type().equals("oci") || parsed.type().equals("docker")) {
            return; // the image itself, not a package in it
        }
        Package p = PurlPackages.toPackage(parsed, licenses, where);
        if (p == null) {
            warn("sbom.no-version", component + " (" + purl + ") has no version; skipped");
            return;
        }
        packages.add(p);
        if (distro == null) {
            distro = PurlPackages.distroOf(parsed);
        }
    }

    void warn(String code, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new Warning(code, where + ": " + message));
        } else if (suppressed++ == 0) {
            warnings.add(new Warning("sbom.more-warnings", where + ": further warnings not listed"));
        }
    }
}
