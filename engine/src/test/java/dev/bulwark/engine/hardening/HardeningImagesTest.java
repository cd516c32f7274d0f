package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real images built by podman from the debootstrapped Debian rootfs ({@code hardening-images.sh}); what they hold
 * comes from {@code find} over the mounted image and from {@code podman image inspect}.
 */
class HardeningImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static Built bad;
    private static Built good;
    private static Built base;

    record Built(ImageConfig config, List<LayerNotables> layers, ImageNotables squashed, JsonNode inspect) {
    }

    @BeforeAll
    static void build() throws IOException {
        dir = Fixtures.build("hardening-images.sh", 1800);
        base = open("base");
        bad = open("bad");
        good = open("good");
    }

    private static Built open(String name) throws IOException {
        try (Image image = new ArchiveImageSource(dir.resolve(name + ".docker.tar"), null).open()) {
            List<LayerNotables> layers = NotableLayerDriver.read(image);
            List<String> ids = image.config().diffIds().stream().map(d -> d.algorithm() + ":" + d.hex()).toList();
            return new Built(image.config(), layers, NotableSquash.squash(layers, ids),
                    JSON.readTree(dir.resolve(name + ".inspect.json").toFile()).get(0));
        }
    }

    private static Set<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file)).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> present(Built b, NotableKind kind) {
        return b.squashed().present(kind).stream().map(p -> p.file().path())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void modeBitsMatchFindOverTheMountedImage() throws IOException {
        for (String name : List.of("bad", "good")) {
            Built b = name.equals("bad") ? bad : good;
            assertEquals(lines(name + ".setuid"), present(b, NotableKind.SETUID), name + " setuid");
            assertEquals(lines(name + ".setgid"), present(b, NotableKind.SETGID), name + " setgid");
            assertEquals(lines(name + ".world-writable"), present(b, NotableKind.WORLD_WRITABLE),
                    name + " world-writable");
        }
        assertFalse(lines("bad.setuid").isEmpty(), "the fixture has setuid files at all");
    }

    @Test
    void laterLayersThatDeleteOrRewriteAFileAreHonoured() throws IOException {
        // The Containerfile deletes gone-suid and drops chsh's bit in a later layer: find must not see them, the
        // squash must hold them as hidden (their bytes still ship).
        Set<String> hidden = bad.squashed().hidden().stream().filter(p -> p.file().is(NotableKind.SETUID))
                .map(p -> p.file().path()).collect(Collectors.toSet());
        for (String path : List.of("usr/local/bin/gone-suid", "usr/bin/chsh")) {
            assertFalse(lines("bad.setuid").contains(path), "find sees " + path);
            assertTrue(hidden.contains(path), path + " should be hidden: " + hidden);
        }
        assertTrue(lines("good.setuid").contains("usr/bin/chsh"), "chsh is setuid in the unmodified base");
    }

    @Test
    void toolsMatchFindWithTheirSizes() throws IOException {
        for (String name : List.of("bad", "good")) {
            Built b = name.equals("bad") ? bad : good;
            Map<String, String[]> expected = new HashMap<>();
            for (String line : lines(name + ".bin")) {
                String[] f = line.split("\t");
                if (NotableFiles.toolKind(f[0]) != null) {
                    expected.put(f[0], f);
                }
            }
            Map<String, NotableFile> actual = new HashMap<>();
            for (ImageNotables.Placed p : b.squashed().present()) {
                if (p.file().kindSet().stream().anyMatch(NotableKind::isTool)) {
                    actual.put(p.file().path(), p.file());
                }
            }
            assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), name + " tools");
            for (Map.Entry<String, String[]> e : expected.entrySet()) {
                NotableFile f = actual.get(e.getKey());
                if (e.getValue()[1].equals("f") && f.type() == dev.bulwark.engine.layer.EntryType.FILE) {
                    assertEquals(Long.parseLong(e.getValue()[2]), f.size(), e.getKey() + " size");
                } else if (e.getValue()[1].equals("l")) {
                    assertEquals(dev.bulwark.engine.layer.EntryType.SYMLINK, f.type(), e.getKey());
                }
            }
            // What the task names as tools a Debian base keeps.
            for (String tool : List.of("usr/bin/bash", "usr/bin/dash", "usr/bin/sh", "usr/bin/apt",
                    "usr/bin/apt-get", "usr/bin/dpkg")) {
                assertTrue(expected.containsKey(tool), tool + " listed by find");
            }
        }
    }

    @Test
    void configMatchesPodmanInspect() {
        for (Built b : List.of(bad, good)) {
            JsonNode cfg = b.inspect().get("Config");
            assertEquals(cfg.path("User").asText(""), b.config().user() == null ? "" : b.config().user());
            List<String> env = new ArrayList<>();
            cfg.path("Env").forEach(e -> env.add(e.asText()));
            assertEquals(env, b.config().env());
            List<String> ports = new ArrayList<>();
            cfg.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
            assertEquals(ports, b.config().exposedPorts());
            JsonNode hc = b.inspect().get("Healthcheck");
            boolean enabled = hc != null && !hc.path("Test").path(0).asText().equals("NONE");
            assertEquals(enabled, b.config().hasHealthcheck());
        }
        assertTrue(good.config().hasHealthcheck(), "the good image was built with HEALTHCHECK");
    }

    @Test
    void badImageFindings() throws IOException {
        HardeningResult r = HardeningChecks.run(new HardeningInput(bad.config(), "localhost/bulwark-test/hardening-bad:1",
                null, bad.squashed(), GoldenBases.none()));
        Map<String, List<Misconfiguration>> byId = r.findings().stream()
                .collect(Collectors.groupingBy(Misconfiguration::checkId));
        assertEquals(1, byId.get("image.root-user").size());
        assertEquals(lines("bad.setuid"), byId.get("image.setuid-file").stream().map(m -> m.location().path())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(lines("bad.world-writable"), byId.get("image.world-writable").stream()
                .map(m -> m.location().path()).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(byId.containsKey("image.shell") && byId.containsKey("image.package-manager"));
        assertFalse(byId.containsKey("image.compiler"), "minbase has no compiler");

        // ENV and build-arg secrets: names and values as podman records them, never the value in the output.
        String appPassword = envValue(bad, "APP_PASSWORD");
        List<Misconfiguration> env = byId.get("image.secret-in-env");
        assertEquals(1, env.size(), "only APP_PASSWORD; GPG_KEY is a fingerprint: " + env);
        assertEquals("APP_PASSWORD", env.get(0).location().resource());
        String argValue = buildArgFromHistory(bad, "DB_PASSWORD");
        assertEquals(1, byId.get("image.secret-in-build-arg").size());
        for (Misconfiguration m : r.findings()) {
            assertFalse(m.message().contains(appPassword) || m.message().contains(argValue), m.message());
        }
        assertEquals(1, byId.get("image.add-remote-url").size(), "ADD http://127.0.0.1:port/payload.txt");
        assertEquals(1, byId.get("image.no-healthcheck").size());
        assertEquals(1, byId.get("image.ssh-port").size());
        assertEquals(1, byId.get("image.mutable-tag").size());
    }

    @Test
    void goodImageHasNoConfigFindings() {
        HardeningResult r = HardeningChecks.run(new HardeningInput(good.config(), null, null, good.squashed(), null));
        Set<String> ids = r.findings().stream().map(Misconfiguration::checkId).collect(Collectors.toSet());
        for (String id : List.of("image.root-user", "image.no-healthcheck", "image.secret-in-env",
                "image.secret-in-build-arg", "image.add-remote-url", "image.ssh-port", "image.mutable-tag",
                "image.world-writable")) {
            assertFalse(ids.contains(id), id + " in " + ids);
        }
        assertInstanceOf(BaseDetection.NotConfigured.class, r.base());
    }

    @Test
    void goldenBaseDetectedByLayerChain() {
        List<Digest> baseChain = chain(base.inspect());
        assertEquals(baseChain, base.config().diffIds());
        GoldenBases golden = new GoldenBases(List.of(new GoldenBase("corp/debian-12", null, baseChain),
                new GoldenBase("corp/debian-12-app", null, good.config().diffIds())));
        // good adds no layer, so both chains match it; the longer one (equal length here, listed later) must not
        // beat the first at equal length, and bad's chain is longer than both.
        BaseDetection onBad = golden.detect(chain(bad.inspect()));
        assertEquals(new BaseDetection.Approved("corp/debian-12", null, baseChain.size()), onBad);

        GoldenBases other = new GoldenBases(List.of(new GoldenBase("corp/bad-as-base", null, chain(bad.inspect())),
                new GoldenBase("corp/debian-12", null, baseChain)));
        assertEquals("corp/bad-as-base", ((BaseDetection.Approved) other.detect(chain(bad.inspect()))).name(),
                "longest chain wins");

        GoldenBases unrelated = new GoldenBases(List.of(new GoldenBase("corp/alpine", null,
                List.of(Digest.sha256(new byte[] {1})))));
        HardeningResult r = HardeningChecks.run(new HardeningInput(bad.config(), null, null, bad.squashed(), unrelated));
        assertInstanceOf(BaseDetection.Unapproved.class, r.base());
        assertEquals(1, r.findings().stream().filter(m -> m.checkId().equals("image.unapproved-base")).count());
    }

    private static List<Digest> chain(JsonNode inspect) {
        List<Digest> out = new ArrayList<>();
        inspect.path("RootFS").path("Layers").forEach(l -> out.add(Digest.parse(l.asText())));
        return out;
    }

    private static String envValue(Built b, String name) {
        for (JsonNode e : b.inspect().path("Config").path("Env")) {
            if (e.asText().startsWith(name + "=")) {
                return e.asText().substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in podman's Env");
    }

    /** The value podman recorded for a build argument, read from its history with a plain split. */
    private static String buildArgFromHistory(Built b, String name) {
        for (JsonNode h : b.inspect().path("History")) {
            for (String token : h.path("created_by").asText().split(" ")) {
                if (token.startsWith(name + "=")) {
                    return token.substring(name.length() + 1);
                }
            }
        }
        throw new AssertionError(name + " not in podman's history");
    }
}
