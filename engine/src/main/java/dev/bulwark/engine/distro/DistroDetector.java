package dev.bulwark.engine.distro;

import dev.bulwark.engine.inventory.Distro;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the distribution from {@code os-release} (as systemd documents it), falling back to the older release
 * files ({@code alpine-release}, {@code debian_version}, {@code redhat-release} and friends, {@code lsb-release}).
 */
public final class DistroDetector {
    public static final String OS_RELEASE = "etc/os-release";
    public static final String USR_OS_RELEASE = "usr/lib/os-release";
    private static final List<String> RPM_RELEASES = List.of("etc/centos-release", "etc/fedora-release",
            "etc/redhat-release", "etc/system-release");
    /** Every file this detector may read; the layer reader captures these whole. */
    public static final Set<String> FILES = Set.of(OS_RELEASE, USR_OS_RELEASE, "etc/alpine-release",
            "etc/debian_version", "etc/lsb-release", "etc/centos-release", "etc/fedora-release",
            "etc/redhat-release", "etc/system-release");
    private static final Pattern RPM_RELEASE = Pattern.compile(
            "^\\s*(.+?)\\s+(?:Linux\\s+)?(?:Server\\s+)?release\\s+(\\d[\\w.]*)", Pattern.CASE_INSENSITIVE);

    private DistroDetector() {
    }

    /**
     * Detects the distro.
     *
     * @param content reads a file of the squashed image by path (links already resolved), empty when absent
     */
    public static Optional<Distro> detect(Function<String, Optional<byte[]>> content) {
        for (String path : List.of(OS_RELEASE, USR_OS_RELEASE)) {
            Optional<byte[]> data = content.apply(path);
            if (data.isPresent()) {
                Map<String, String> kv = parseOsRelease(text(data.get()));
                String id = kv.get("ID");
                if (id != null && !id.isEmpty()) {
                    String version = kv.get("VERSION_ID");
                    if ((version == null || version.isEmpty()) && id.equals("debian")) {
                        version = content.apply("etc/debian_version").map(d -> text(d).trim()).orElse(null);
                    }
                    return Optional.of(new Distro(id.toLowerCase(Locale.ROOT), emptyToNull(version),
                            emptyToNull(kv.get("VERSION_CODENAME")), kv.get("PRETTY_NAME"), kv.get("ID_LIKE"), path));
                }
            }
        }
        Optional<byte[]> alpine = content.apply("etc/alpine-release");
        if (alpine.isPresent()) {
            String v = firstLine(alpine.get());
            return Optional.of(new Distro("alpine", emptyToNull(v), null, "Alpine Linux " + v, null,
                    "etc/alpine-release"));
        }
        for (String path : RPM_RELEASES) {
            Optional<byte[]> data = content.apply(path);
            if (data.isPresent()) {
                Matcher m = RPM_RELEASE.matcher(firstLine(data.get()));
                if (m.find()) {
                    String id = rpmId(m.group(1));
                    return Optional.of(new Distro(id, m.group(2).split("\\.")[0], null, firstLine(data.get()),
                            "rhel fedora", path));
                }
            }
        }
        Optional<byte[]> debian = content.apply("etc/debian_version");
        if (debian.isPresent()) {
            String v = firstLine(debian.get());
            String major = v.matches("\\d+(\\.\\d+)*") ? v.split("\\.")[0] : v;
            return Optional.of(new Distro("debian", emptyToNull(major), null, "Debian GNU/Linux " + v, null,
                    "etc/debian_version"));
        }
        Optional<byte[]> lsb = content.apply("etc/lsb-release");
        if (lsb.isPresent()) {
            Map<String, String> kv = parseOsRelease(text(lsb.get()));
            String id = kv.get("DISTRIB_ID");
            if (id != null && !id.isEmpty()) {
                return Optional.of(new Distro(id.toLowerCase(Locale.ROOT), emptyToNull(kv.get("DISTRIB_RELEASE")),
                        emptyToNull(kv.get("DISTRIB_CODENAME")), kv.get("DISTRIB_DESCRIPTION"), null,
                        "etc/lsb-release"));
            }
        }
        return Optional.empty();
    }

    /** Parses {@code KEY=value} lines with shell-style quoting, as os-release(5) specifies. */
    static Map<String, String> parseOsRelease(String text) {
        Map<String, String> out = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            value = value.replace("\\\"", "\"").replace("\\$", "$").replace("\\`", "`").replace("\\\\", "\\");
            out.put(key, value);
        }
        return out;
    }

    private static String rpmId(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("centos")) {
            return "centos";
        }
        if (n.contains("fedora")) {
            return "fedora";
        }
        if (n.contains("rocky")) {
            return "rocky";
        }
        if (n.contains("alma")) {
            return "almalinux";
        }
        if (n.contains("amazon")) {
            return "amzn";
        }
        if (n.contains("oracle")) {
            return "ol";
        }
        return "rhel";
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String firstLine(byte[] data) {
        String t = text(data).trim();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).trim();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
