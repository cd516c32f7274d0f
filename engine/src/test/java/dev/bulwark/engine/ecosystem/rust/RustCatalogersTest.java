package dev.bulwark.engine.ecosystem.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real binary built by cargo, with a {@code .dep-v0} section as cargo-auditable writes it (objcopy reads it back
 * for the expected value), and cargo's own Cargo.lock checked against {@code cargo metadata --offline}.
 */
class RustCatalogersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Set<String> describe(List<Package> packages) {
        Set<String> out = new TreeSet<>();
        for (Package p : packages) {
            out.add(p.name() + "@" + p.version() + " -> " + new TreeSet<>(p.dependsOn())
                    + (p.has(PackageFlag.DEVELOPMENT) ? " (build)" : ""));
        }
        return out;
    }

    @Test
    void binaryMatchesTheSectionObjcopyReads() throws IOException {
        JsonNode embedded = JSON.readTree(RustFixtures.dir().resolve("dep-v0.json").toFile()).get("packages");
        Set<String> expected = new TreeSet<>();
        for (JsonNode p : embedded) {
            Set<String> deps = new TreeSet<>();
            p.path("dependencies").forEach(d -> deps.add(embedded.get(d.asInt()).get("name").asText() + "@"
                    + embedded.get(d.asInt()).get("version").asText()));
            expected.add(p.get("name").asText() + "@" + p.get("version").asText() + " -> " + deps
                    + ("build".equals(p.path("kind").asText()) ? " (build)" : ""));
        }
        RustFixtures.Result r = RustFixtures.parse(new RustBinaryCataloger(), "usr/bin/app",
                Files.readAllBytes(RustFixtures.dir().resolve("app")));
        assertEquals(List.of(), r.warnings());
        assertEquals(expected, describe(r.packages()));
        // and the names and versions are those cargo resolved for the workspace
        Set<String> cargo = new TreeSet<>();
        JSON.readTree(RustFixtures.dir().resolve("metadata.json").toFile()).get("packages")
                .forEach(p -> cargo.add(p.get("name").asText() + "@" + p.get("version").asText()));
        Set<String> found = new TreeSet<>();
        r.packages().forEach(p -> found.add(p.name() + "@" + p.version()));
        assertEquals(cargo, found);
    }

    @Test
    void binaryWithoutSectionHasNoPackages() throws IOException {
        RustFixtures.Result r = RustFixtures.parse(new RustBinaryCataloger(), "usr/bin/app",
                Files.readAllBytes(RustFixtures.dir().resolve("app.plain")));
        assertEquals(new RustFixtures.Result(List.of(), List.of()), r);
    }

    @Test
    void cargoLockMatchesCargoMetadata() throws IOException {
        JsonNode meta = JSON.readTree(RustFixtures.dir().resolve("metadata.json").toFile());
        Map<String, String> ids = new HashMap<>();
        meta.get("packages").forEach(p -> ids.put(p.get("id").asText(), p.get("name").asText() + "@"
                + p.get("version").asText()));
        Set<String> expected = new TreeSet<>();
        for (JsonNode node : meta.get("resolve").get("nodes")) {
            Set<String> deps = new TreeSet<>();
            node.get("deps").forEach(d -> deps.add(ids.get(d.get("pkg").asText())));
            expected.add(ids.get(node.get("id").asText()) + " -> " + deps);
        }
        RustFixtures.Result r = RustFixtures.parse(new CargoLockCataloger(), "src/Cargo.lock",
                Files.readAllBytes(RustFixtures.dir().resolve("Cargo.lock")));
        assertEquals(List.of(), r.warnings());
        assertEquals(expected, describe(r.packages()));
    }

    @Test
    void cargoLockVersion1WithMetadataChecksumsAndQualifiedDependencies() throws IOException {
        String lock = """
                [[package]]
                name = "a"
                version = "0.1.0"
                dependencies = [
                 "b 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)",
                 "b 2.0.0 (registry+https://github.com/rust-lang/crates.io-index)",
                ]

                [[package]]
                name = "b"
                version = "1.0.0"
                source = "registry+https://github.com/rust-lang/crates.io-index"

                [[package]]
                name = "b"
                version = "2.0.0"
                source = "registry+https://github.com/rust-lang/crates.io-index"

                [[package]]
                version = "9"

                [metadata]
                "checksum b 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)" = "%s"
                """.formatted("ab".repeat(32));
        RustFixtures.Result r = RustFixtures.parse(new CargoLockCataloger(), "Cargo.lock",
                lock.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.warnings().size());
        assertEquals(Set.of("a@0.1.0 -> [b@1.0.0, b@2.0.0]", "b@1.0.0 -> []", "b@2.0.0 -> []"),
                describe(r.packages()));
        assertEquals(Map.of("sha256", "ab".repeat(32)), r.packages().get(1).hashes());
    }

    @Test
    void malformedTomlIsAWarning() throws IOException {
        for (String bad : List.of("[[package]\nname = ", "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]",
                "\u0000\u0001binary")) {
            RustFixtures.Result r = RustFixtures.parse(new CargoLockCataloger(), "Cargo.lock",
                    bad.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), r.packages());
            assertEquals(1, r.warnings().size(), bad);
        }
    }

    @Test
    void hostileBinaries(@TempDir Path tmp) throws IOException {
        byte[] app = Files.readAllBytes(RustFixtures.dir().resolve("app"));
        RustBinaryCataloger c = new RustBinaryCataloger();
        for (int length : new int[] {10, 100, 5000, app.length / 2, app.length - 100}) {
            RustFixtures.Result r = RustFixtures.parse(c, "bin/app", Arrays.copyOf(app, length));
            assertEquals(List.of(), r.packages(), "length " + length);
            assertEquals(1, r.warnings().size(), "length " + length + ": " + r.warnings());
        }
        // a zlib bomb (64 MB of zeros) and a section that is not zlib, embedded by objcopy like the real one
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(bomb, new Deflater(9))) {
            z.write(new byte[64 << 20]);
        }
        for (byte[] section : List.of(bomb.toByteArray(), "not zlib".getBytes(), compress("{\"packages\": 7}"),
                compress("{\"packages\":[{\"name\":1},{\"name\":\"x\",\"version\":\"1\",\"dependencies\":[99,-1]}]}"))) {
            Path data = Files.write(tmp.resolve("section"), section);
            Path out = tmp.resolve("hostile");
            Files.deleteIfExists(out);
            Tools.run(60, "objcopy", "--add-section", ".dep-v0=" + data, RustFixtures.dir().resolve("app.plain")
                    .toString(), out.toString());
            RustFixtures.Result r = RustFixtures.parse(c, "bin/app", Files.readAllBytes(out));
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            assertTrue(r.packages().size() <= 1);
        }
        Random random = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 300; i++) {
                byte[] b = app.clone();
                for (int k = 0; k < 8; k++) {
                    int at = random.nextBoolean() ? random.nextInt(128) : b.length - 1 - random.nextInt(8192);
                    b[at] = (byte) random.nextInt(256);
                }
                RustFixtures.parse(c, "bin/app", b);
            }
        });
    }

    private static byte[] compress(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void directoryScan(@TempDir Path root) throws IOException {
        Files.copy(RustFixtures.dir().resolve("app"), Files.createDirectories(root.resolve("usr/bin")).resolve("app"));
        Files.copy(RustFixtures.dir().resolve("Cargo.lock"), Files.createDirectories(root.resolve("src/ws"))
                .resolve("Cargo.lock"));
        Inventory inv = new DirectoryScanner(List.of(new RustBinaryCataloger(), new CargoLockCataloger())).scan(root);
        assertEquals(List.of(), inv.warnings());
        assertEquals(8, inv.packages().size());
        assertTrue(inv.packages().stream().anyMatch(p -> p.purl().equals("pkg:cargo/helper@1.4.0")
                && p.location().equals("usr/bin/app")));
        assertTrue(inv.packages().stream().anyMatch(p -> p.purl().equals("pkg:cargo/leaf@0.9.2")
                && p.location().equals("src/ws/Cargo.lock")));
        assertFalse(inv.packages().stream().anyMatch(p -> p.purl() == null));
    }
}
