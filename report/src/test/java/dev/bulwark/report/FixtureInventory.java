package dev.bulwark.report;

import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realistic inventory the report tests share, read from fixture/ (dpkg-query output, os-release and copyright
 * license lines captured by fixture/capture.sh on a Debian 12 host). Digests are the fixture files' own sha256.
 */
final class FixtureInventory {
    private FixtureInventory() {
    }

    static Inventory load() {
        byte[] dpkg = resource("dpkg-query.tsv");
        byte[] osRelease = resource("os-release");
        byte[] licenses = resource("licenses.tsv");
        String layer = Digest.sha256(dpkg).toString();
        Map<String, List<String>> licensesByPackage = new LinkedHashMap<>();
        for (String line : lines(licenses)) {
            String[] f = line.split("\t", 2);
            licensesByPackage.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        List<Package> packages = new ArrayList<>();
        for (String line : lines(dpkg)) {
            String[] f = line.split("\t", -1);
            packages.add(new Package("deb", f[0], f[1], f[2], f[3], f[4], licensesByPackage.get(f[0]), "dpkg",
                    "var/lib/dpkg/status", layer, null));
        }
        Map<String, String> os = new LinkedHashMap<>();
        for (String line : lines(osRelease)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                os.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
        }
        Distro distro = new Distro(os.get("ID"), os.get("VERSION_ID"), os.get("VERSION_CODENAME"),
                os.get("PRETTY_NAME"), os.get("ID_LIKE"), "etc/os-release");
        Inventory.Target target = new Inventory.Target("image", "registry.example/fixture/debian:12",
                Digest.sha256(osRelease).toString(), Digest.sha256(licenses).toString(),
                List.of("registry.example/fixture/debian:12"), "linux", "amd64");
        LayerInfo info = new LayerInfo(0, layer, layer, dpkg.length, "fixture/capture.sh");
        List<Warning> warnings = List.of(new Warning("dpkg.malformed-stanza",
                "var/lib/dpkg/status: stanza 9 has no Package field; skipped"));
        return new Inventory(target, distro, List.of(info), packages, warnings);
    }

    private static List<String> lines(byte[] data) {
        return new String(data, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = FixtureInventory.class.getResourceAsStream("fixture/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fixture/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
