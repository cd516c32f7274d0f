package dev.bulwark.report;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageUrls;
import dev.bulwark.engine.inventory.Warning;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The views of an inventory every writer shares: the one stable package order and the package URLs. */
public final class ReportPackages {
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Type, name, version, then architecture, location and layer so that no two installs tie. */
    public static final Comparator<Package> ORDER = Comparator.comparing(Package::type, TEXT)
            .thenComparing(Package::name, TEXT)
            .thenComparing(Package::version, TEXT)
            .thenComparing(Package::architecture, TEXT)
            .thenComparing(Package::location, TEXT)
            .thenComparing(Package::layer, TEXT);

    private static final Pattern REFERENCE = Pattern.compile("[a-z0-9][a-z0-9._/:-]*");

    private ReportPackages() {
    }

    public static List<Package> sorted(Inventory inventory) {
        return inventory.packages().stream().sorted(ORDER).toList();
    }

    /** Warnings by code, then message, so parallel cataloging cannot reorder a report. */
    public static List<Warning> sortedWarnings(Inventory inventory) {
        return inventory.warnings().stream()
                .sorted(Comparator.comparing(Warning::code, TEXT).thenComparing(Warning::message, TEXT))
                .toList();
    }

    /** The package's purl as the inventory recorded it, else built now; null if it has none (e.g. no name). */
    public static String purl(Package pkg, Distro distro) {
        if (pkg.purl() != null) {
            return pkg.purl();
        }
        try {
            return PackageUrls.of(pkg, distro);
        } catch (BulwarkException e) {
            return null;
        }
    }

    /**
     * The {@code pkg:oci} purl of a scanned image: name and tag from the reference the user gave, version the
     * manifest digest. Null for a filesystem or an image without a manifest digest.
     */
    public static String imagePurl(Inventory.Target target) {
        String digest = target.manifestDigest();
        if (!"image".equals(target.kind()) || digest == null || target.name() == null) {
            return null;
        }
        String repository = target.name();
        int at = repository.indexOf('@');
        if (at >= 0) {
            repository = repository.substring(0, at);
        }
        String tag = null;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            tag = repository.substring(colon + 1);
            repository = repository.substring(0, colon);
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", target.architecture());
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        if (!REFERENCE.matcher(repository).matches() || name.isEmpty()) {
            // Not a registry reference (an archive path, say): the digest alone identifies the image.
            name = "image";
            tag = null;
        } else {
            qualifiers.put("repository_url", repository);
        }
        qualifiers.put("tag", tag);
        try {
            return PackageUrls.build("oci", null, name, digest, qualifiers, null);
        } catch (BulwarkException e) {
            return null;
        }
    }
}
