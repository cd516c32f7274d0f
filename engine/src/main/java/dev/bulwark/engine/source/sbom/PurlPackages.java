package dev.bulwark.engine.source.sbom;

import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageUrls;
import dev.bulwark.engine.inventory.ParsedPurl;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a purl back into Bulwark's package model, the inverse of {@link PackageUrls}. */
final class PurlPackages {
    private static final Set<String> OS_TYPES = Set.of("deb", "rpm", "apk");

    private PurlPackages() {
    }

    /**
     * The package a purl names, or null when it names no versioned package.
     *
     * @param licenses licenses the document gives for it
     * @param location where in the document it was found
     */
    static Package toPackage(ParsedPurl p, List<String> licenses, String location) {
        if (p.version() == null || p.version().isEmpty()) {
            return null;
        }
        String name = switch (p.type()) {
            case "maven" -> p.namespace() == null ? p.name() : p.namespace() + ":" + p.name();
            case "deb", "rpm", "apk" -> p.name();
            default -> p.namespace() == null ? p.name() : p.namespace() + "/" + p.name();
        };
        Map<String, String> q = p.qualifiers();
        String version = p.version();
        if (p.type().equals("rpm") && q.containsKey("epoch") && !version.contains(":")) {
            version = q.get("epoch") + ":" + version;
        }
        String sourceName = null;
        String sourceVersion = null;
        String upstream = q.get("upstream");
        if (upstream != null && !upstream.isEmpty()) {
            int at = upstream.indexOf('@');
            sourceName = at < 0 ? upstream : upstream.substring(0, at);
            sourceVersion = at < 0 ? version : upstream.substring(at + 1);
        } else if (OS_TYPES.contains(p.type())) {
            sourceName = p.name();
            sourceVersion = version;
        }
        return new Package(p.type(), name, version, q.get("arch"), sourceName, sourceVersion, licenses, "sbom",
                location, null, null);
    }

    /** The distro an OS package's purl names in its namespace and {@code distro} qualifier, or null. */
    static Distro distroOf(ParsedPurl p) {
        String qualifier = p.qualifiers().get("distro");
        if (!OS_TYPES.contains(p.type()) || p.namespace() == null || qualifier == null) {
            return null;
        }
        String id = p.namespace().toLowerCase(java.util.Locale.ROOT);
        String version = qualifier.startsWith(id + "-") ? qualifier.substring(id.length() + 1) : qualifier;
        return new Distro(id, version.isEmpty() ? null : version, null, null, null, "purl distro qualifier");
    }
}
