package dev.bulwark.engine.ecosystem.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * composer.lock and installed.json written by Debian's composer (offline, path repositories) against composer's
 * own {@code show} and {@code licenses} answers. Composer 1's installed.json is the bare package array that
 * Composer 2 wraps in {@code {"packages": ...}} (Composer 2.0 upgrade notes), so it is derived from the real file.
 */
class ComposerCatalogerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path built;

    static synchronized Path fixture() throws IOException {
        if (built == null) {
            try {
                Path script = Path.of(ComposerCatalogerTest.class.getResource("composer-project.sh").toURI());
                String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(script))).substring(0, 16);
                Path out = Fixtures.cacheRoot().resolve("composer-project-" + key);
                if (!Files.exists(out.resolve(".complete"))) {
                    Tools.run(300, "bash", script.toString(), out.toString());
                }
                built = out;
            } catch (URISyntaxException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return built;
    }

    private record Result(List<Package> packages, List<Warning> warnings) {
    }

    private static Result parse(String path, byte[] content) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = new ComposerCataloger().parse(new CatalogFile(path, content.length,
                new ByteArrayInputStream(content)), (c, m) -> warnings.add(new Warning(c, m)));
        return new Result(packages, warnings);
    }

    /** name@version [licenses] (dev) as composer reports them; dev = locked but not locked with --no-dev. */
    private static Set<String> composerView(String showFile, boolean devKnown) throws IOException {
        Set<String> noDev = new TreeSet<>();
        JSON.readTree(fixture().resolve("show-locked-no-dev.json").toFile()).get("locked")
                .forEach(p -> noDev.add(p.get("name").asText()));
        JsonNode licenses = JSON.readTree(fixture().resolve("licenses.json").toFile()).get("dependencies");
        Set<String> out = new TreeSet<>();
        JsonNode shown = JSON.readTree(fixture().resolve(showFile).toFile());
        for (JsonNode p : shown.has("locked") ? shown.get("locked") : shown.get("installed")) {
            String name = p.get("name").asText();
            List<String> l = new ArrayList<>();
            licenses.get(name).get("license").forEach(x -> l.add(x.asText()));
            out.add(name + "@" + p.get("version").asText() + " " + l
                    + (devKnown && !noDev.contains(name) ? " (dev)" : ""));
        }
        return out;
    }

    private static Set<String> describe(List<Package> packages) {
        Set<String> out = new TreeSet<>();
        packages.forEach(p -> out.add(p.name() + "@" + p.version() + " " + p.licenses()
                + (p.has(PackageFlag.DEVELOPMENT) ? " (dev)" : "")));
        return out;
    }

    @Test
    void composerLockMatchesComposerShow() throws IOException {
        Result r = parse("srv/app/composer.lock", Files.readAllBytes(fixture().resolve("project/composer.lock")));
        assertEquals(List.of(), r.warnings());
        assertEquals(composerView("show-locked.json", true), describe(r.packages()));
        Set<String> requires = new TreeSet<>();
        JSON.readTree(fixture().resolve("show-http.json").toFile()).get("requires").fieldNames()
                .forEachRemaining(n -> {
                    if (n.contains("/")) {
                        requires.add(n);
                    }
                });
        Package http = r.packages().stream().filter(p -> p.name().equals("acme/http")).findFirst().orElseThrow();
        Set<String> deps = new TreeSet<>();
        http.dependsOn().forEach(d -> deps.add(d.substring(0, d.indexOf('@'))));
        assertEquals(requires, deps);
    }

    @Test
    void installedJsonVersion2And1MatchComposerShow() throws IOException {
        byte[] v2 = Files.readAllBytes(fixture().resolve("project/vendor/composer/installed.json"));
        Result r2 = parse("srv/app/vendor/composer/installed.json", v2);
        assertEquals(List.of(), r2.warnings());
        assertEquals(composerView("show-installed.json", true), describe(r2.packages()));
        byte[] v1 = JSON.writeValueAsBytes(JSON.readTree(v2).get("packages"));
        Result r1 = parse("srv/app/vendor/composer/installed.json", v1);
        assertEquals(List.of(), r1.warnings());
        assertEquals(composerView("show-installed.json", false), describe(r1.packages()));
    }

    @Test
    void malformed() throws IOException {
        for (String bad : List.of("{", "42", "[".repeat(3000))) {
            Result r = parse("composer.lock", bad.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), r.packages());
            assertEquals(1, r.warnings().size());
        }
        Result partial = parse("composer.lock", "{\"packages\": [{\"name\": \"a/b\"}, {\"name\": \"c/d\", \"version\":"
                .concat(" \"1.0\", \"license\": 7}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, partial.packages().size());
        assertEquals(1, partial.warnings().size());
    }

    @Test
    void directoryScan(@TempDir Path root) throws IOException {
        Path app = Files.createDirectories(root.resolve("var/www/app/vendor/composer"));
        Files.copy(fixture().resolve("project/composer.lock"), root.resolve("var/www/app/composer.lock"));
        Files.copy(fixture().resolve("project/vendor/composer/installed.json"), app.resolve("installed.json"));
        Inventory inv = new DirectoryScanner(List.of(new ComposerCataloger())).scan(root);
        assertEquals(List.of(), inv.warnings());
        assertEquals(6, inv.packages().size());
        assertTrue(inv.packages().stream().anyMatch(p -> p.purl().equals("pkg:composer/acme/log@1.3.2")));
    }
}
