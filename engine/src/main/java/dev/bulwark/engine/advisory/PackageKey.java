package dev.bulwark.engine.advisory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A package as advisories name it: an OSV ecosystem name ({@code Debian:12}, {@code PyPI}) and the package name,
 * normalised by that ecosystem's rules so that the key built from an advisory equals the key built from an installed
 * package: PyPI names by PEP 503, NuGet and Packagist names lower-cased; others are kept as written (Maven
 * {@code groupId:artifactId}, Go module path or {@code stdlib}, distro SOURCE package names).
 */
public record PackageKey(String ecosystem, String name) {
    private static final Pattern PEP503 = Pattern.compile("[-_.]+");
    static final int MAX_ECOSYSTEM = 128;
    static final int MAX_NAME = 1024;

    public PackageKey {
        Text.require(ecosystem, "ecosystem", MAX_ECOSYSTEM);
        Text.require(name, "package name", MAX_NAME);
        name = normalise(ecosystem, name.strip());
        if (name.isEmpty()) {
            throw new IllegalArgumentException("blank package name");
        }
    }

    private static String normalise(String ecosystem, String name) {
        return switch (Ecosystems.base(ecosystem)) {
            case "PyPI" -> PEP503.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
            case "NuGet", "Packagist" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    @Override
    public String toString() {
        return ecosystem + "/" + name;
    }
}
