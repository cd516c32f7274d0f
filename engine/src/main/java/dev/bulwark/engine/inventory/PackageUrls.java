package dev.bulwark.engine.inventory;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds canonical package URLs (purl, ECMA-427 / package-url/purl-spec) for packages found in a target.
 *
 * <p>Percent-encoding follows the current specification: everything except ASCII letters, digits, {@code .-_~} and
 * the colon is UTF-8 percent-encoded in every component, so a Debian epoch stays readable ({@code 1:2.36-9%2Bb1})
 * while hostile names can never inject separators. Qualifiers are sorted by key and empty values dropped.
 */
public final class PackageUrls {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.-]*");
    private static final Pattern QUALIFIER_KEY = Pattern.compile("[a-z][a-z0-9._-]*");
    private static final Pattern PYPI_SEPARATORS = Pattern.compile("[-_.]+");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PackageUrls() {
    }

    /**
     * The purl of {@code pkg}. OS package types ({@code deb}, {@code rpm}, {@code apk}) take their namespace and
     * {@code distro} qualifier from {@code distro} (which may be null when unknown); language ecosystems read the
     * namespace out of the name ({@code group:artifact} for maven, {@code @scope/name} for npm, the module path for
     * golang, {@code vendor/name} for composer).
     *
     * @throws BulwarkException (INVALID_INPUT) when the package cannot be named by a purl, e.g. an empty name
     */
    public static String of(Package pkg, Distro distro) {
        return switch (pkg.type()) {
            case "deb", "apk" -> osPackage(pkg, distro, pkg.version(), Map.of());
            case "rpm" -> rpm(pkg, distro);
            case "maven" -> splitAt(pkg, pkg.name().indexOf(':'), 1);
            case "npm" -> pkg.name().startsWith("@") ? splitAt(pkg, pkg.name().indexOf('/'), 1) : plain(pkg);
            case "golang", "composer" -> splitAt(pkg, pkg.name().lastIndexOf('/'), 1);
            default -> plain(pkg);
        };
    }

    /**
     * Builds a canonical purl from its components, applying the type's normalization (lowercasing, PyPI name
     * folding). Null or empty optional components are left out.
     *
     * @throws BulwarkException (INVALID_INPUT) when the type, name or a qualifier key is not valid
     */
    public static String build(String type, String namespace, String name, String version,
            Map<String, String> qualifiers, String subpath) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(t).matches()) {
            throw invalid("not a valid purl type: '" + printable(type) + "'");
        }
        String n = name == null ? "" : strip(name);
        if (n.isEmpty()) {
            throw invalid("a purl needs a name (type " + t + ")");
        }
        StringBuilder purl = new StringBuilder("pkg:").append(t).append('/');
        String ns = namespace == null ? "" : strip(namespace);
        if (!ns.isEmpty()) {
            for (String segment : ns.split("/")) {
                if (!segment.isEmpty()) {
                    encode(purl, normalizeNamespace(t, segment)).append('/');
                }
            }
        }
        encode(purl, normalizeName(t, n));
        if (version != null && !version.isEmpty()) {
            encode(purl.append('@'), version);
        }
        appendQualifiers(purl, qualifiers);
        if (subpath != null) {
            appendSubpath(purl, subpath);
        }
        return purl.toString();
    }

    private static String osPackage(Package pkg, Distro distro, String version, Map<String, String> extra) {
        Map<String, String> qualifiers = new TreeMap<>(extra);
        put(qualifiers, "arch", pkg.architecture());
        if (distro != null && distro.id() != null && !distro.id().isEmpty()) {
            put(qualifiers, "distro", distro.purlQualifier());
        }
        put(qualifiers, "upstream", upstream(pkg));
        return build(pkg.type(), vendor(pkg.type(), distro), pkg.name(), version, qualifiers, null);
    }

    // rpm keeps the epoch out of the version: it is a qualifier in the rpm type definition.
    private static String rpm(Package pkg, Distro distro) {
        String version = pkg.version();
        int colon = version.indexOf(':');
        if (colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit)) {
            return osPackage(pkg, distro, version.substring(colon + 1), Map.of("epoch", version.substring(0, colon)));
        }
        return osPackage(pkg, distro, version, Map.of());
    }

    /**
     * The source package the binary was built from, when it says more than the binary's own name and version:
     * {@code glibc}, or {@code util-linux@2.38.1-5} when the source version differs too (binNMUs, epochs).
     */
    private static String upstream(Package pkg) {
        String source = pkg.sourceName() == null || pkg.sourceName().isEmpty() ? pkg.name() : pkg.sourceName();
        String sourceVersion = pkg.sourceVersion();
        boolean versionDiffers = sourceVersion != null && !sourceVersion.isEmpty()
                && !sourceVersion.equals(pkg.version());
        if (versionDiffers) {
            return source + "@" + sourceVersion;
        }
        return source.equals(pkg.name()) ? null : source;
    }

    private static String vendor(String type, Distro distro) {
        if (distro != null && distro.id() != null && !distro.id().isEmpty()) {
            return distro.id();
        }
        // Without os-release the best guess is the distribution the package format belongs to.
        return switch (type) {
            case "deb" -> "debian";
            case "apk" -> "alpine";
            default -> null;
        };
    }

    private static String splitAt(Package pkg, int separator, int width) {
        String name = pkg.name();
        if (separator <= 0 || separator + width >= name.length()) {
            return plain(pkg);
        }
        return build(pkg.type(), name.substring(0, separator), name.substring(separator + width), pkg.version(),
                null, null);
    }

    private static String plain(Package pkg) {
        return build(pkg.type(), null, pkg.name(), pkg.version(), null, null);
    }

    private static String normalizeNamespace(String type, String segment) {
        return switch (type) {
            case "deb", "apk", "rpm", "alpm", "bitbucket", "github", "golang", "npm", "composer", "hex", "qpkg" ->
                    segment.toLowerCase(Locale.ROOT);
            default -> segment;
        };
    }

    private static String normalizeName(String type, String name) {
        return switch (type) {
            case "deb", "apk", "alpm", "bitbucket", "github", "golang", "npm", "composer", "hex", "oci" ->
                    name.toLowerCase(Locale.ROOT);
            case "pypi" -> PYPI_SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
            default -> name;
        };
    }

    private static void appendQualifiers(StringBuilder purl, Map<String, String> qualifiers) {
        if (qualifiers == null || qualifiers.isEmpty()) {
            return;
        }
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : qualifiers.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().toLowerCase(Locale.ROOT);
            if (!QUALIFIER_KEY.matcher(key).matches()) {
                throw invalid("not a valid purl qualifier key: '" + printable(e.getKey()) + "'");
            }
            if (e.getValue() != null && !e.getValue().isEmpty() && sorted.put(key, e.getValue()) != null) {
                throw invalid("duplicate purl qualifier key: '" + key + "'");
            }
        }
        char separator = '?';
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            purl.append(separator).append(e.getKey()).append('=');
            encode(purl, e.getValue());
            separator = '&';
        }
    }

    private static void appendSubpath(StringBuilder purl, String subpath) {
        char separator = '#';
        for (String segment : subpath.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                continue;
            }
            encode(purl.append(separator), segment);
            separator = '/';
        }
    }

    private static StringBuilder encode(StringBuilder out, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    private static void put(Map<String, String> qualifiers, String key, String value) {
        if (value != null && !value.isEmpty()) {
            qualifiers.put(key, value);
        }
    }

    private static BulwarkException invalid(String message) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, message);
    }

    // Error messages are one line: anything outside printable ASCII is shown escaped and long input is cut.
    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
            }
        });
        return s.length() > 80 ? out + "..." : out.toString();
    }
}
