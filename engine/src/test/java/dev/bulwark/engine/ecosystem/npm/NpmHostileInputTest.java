package dev.bulwark.engine.ecosystem.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile manifests and lockfiles: each is a counted warning, what precedes the damage is kept, nothing hangs. */
class NpmHostileInputTest {
    private final NpmCataloger cataloger = new NpmCataloger();
    private final List<String> warnings = new ArrayList<>();

    private List<Package> parse(String path, byte[] content) throws IOException {
        return parse(path, content.length, new ByteArrayInputStream(content));
    }

    private List<Package> parse(String path, long size, InputStream content) throws IOException {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> cataloger.parse(new CatalogFile(path, size, content), (code, msg) -> warnings.add(code)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void malformedPackageJsonIsOneWarning() throws IOException {
        assertEquals(List.of(), parse("node_modules/a/package.json", utf8("{\"name\": \"a\", \"version\": ")));
        assertEquals(List.of(), parse("node_modules/b/package.json", utf8("[1, 2]")));
        assertEquals(List.of(), parse("node_modules/c/package.json", utf8("{\"name\": \"c\"}")));
        assertEquals(List.of("npm.malformed", "npm.malformed", "npm.incomplete-package"), warnings);
    }

    @Test
    void byteOrderMarkAndBadUtf8AreNoWarning() throws IOException {
        // A UTF-8 byte order mark is skipped and bytes that are not UTF-8 become replacement characters; neither is
        // a warning.
        byte[] bom = utf8("\uFEFF{\"name\": \"a\", \"version\": \"1.0.0\"}");
        assertEquals(List.of("a@1.0.0"), ids(parse("node_modules/a/package.json", bom)));
        byte[] bad = utf8("{\"name\": \"b\", \"version\": \"1.0.0\", \"license\": \"MIT?\"}");
        bad[bad.length - 3] = (byte) 0xff;
        List<Package> read = parse("node_modules/b/package.json", bad);
        assertEquals(List.of("b@1.0.0"), ids(read));
        assertEquals(List.of("MIT\uFFFD"), read.get(0).licenses());
        assertEquals(List.of(), warnings);
        // what the JDK's UTF-8 decoder makes of the same bytes
        assertEquals(new String(bad, bad.length - 6, 4, StandardCharsets.UTF_8), read.get(0).licenses().get(0));
    }

    private static List<String> ids(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "@" + p.version()).toList();
    }

    @Test
    void deeplyNestedJsonStopsAtTheDepthLimit() throws IOException {
        byte[] deep = utf8("{\"name\":\"a\",\"version\":\"1.0.0\",\"x\":" + "[".repeat(200_000));
        assertEquals(List.of(), parse("node_modules/a/package.json", deep));
        assertEquals(List.of(), parse("package-lock.json", utf8("{\"packages\":{\"node_modules/a\":"
                + "{\"x\":".repeat(100_000))));
        assertEquals(List.of("npm.malformed", "npm.malformed"), warnings);
    }

    @Test
    void oversizedPackageJsonIsNotRead() throws IOException {
        long size = PackageJsonParser.MAX_SIZE + 1L;
        assertEquals(List.of(), parse("node_modules/a/package.json", size, InputStream.nullInputStream()));
        assertEquals(List.of("npm.oversized"), warnings);
    }

    @Test
    void truncatedLockfileKeepsTheEntriesBeforeTheBreak() throws IOException {
        String lock = "{\"lockfileVersion\":3,\"packages\":{\"\":{},"
                + "\"node_modules/a\":{\"version\":\"1.0.0\",\"dependencies\":{\"b\":\"^2\"}},"
                + "\"node_modules/b\":{\"version\":\"2.0.0\"},\"node_modules/c\":{\"vers";
        List<Package> found = parse("package-lock.json", utf8(lock));
        assertEquals(List.of("a@1.0.0", "b@2.0.0"), found.stream().map(p -> p.name() + "@" + p.version()).toList());
        assertEquals(List.of("b@2.0.0"), found.get(0).dependsOn());
        assertEquals(List.of("npm.malformed"), warnings);
    }

    @Test
    void yamlAliasBombCostsNothing() throws IOException {
        StringBuilder bomb = new StringBuilder("lockfileVersion: '9.0'\nimporters:\n  .:\n    x0: &a0 [lol, lol]\n");
        for (int i = 1; i < 40; i++) {
            bomb.append("    x").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        bomb.append("packages:\n  left-pad@1.3.0:\n    resolution: {integrity: sha512-x}\n");
        List<Package> found = parse("pnpm-lock.yaml", utf8(bomb.toString()));
        assertEquals(List.of("left-pad@1.3.0"), found.stream().map(p -> p.name() + "@" + p.version()).toList());
        String berry = "__metadata:\n  version: 8\n\"a@npm:1\": &x\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n"
                + "\"b@npm:1\": *x\n";
        assertEquals(1, parse("yarn.lock", utf8(berry)).size());
        assertEquals(List.of(), parse("pnpm-lock.yaml", utf8("packages: [unclosed")));
        assertEquals(List.of("npm.malformed"), warnings);
    }

    @Test
    void endlessYarnLineIsAWarning() throws IOException {
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(utf8(
                "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n\nb@^1:\n  version \"")),
                new InputStream() {
                    @Override
                    public int read() {
                        return 'x';
                    }
                });
        List<Package> found = parse("yarn.lock", 100L << 20, endless);
        assertEquals(List.of("a@1.0.0"), found.stream().map(p -> p.name() + "@" + p.version()).toList());
        assertEquals(List.of("npm.malformed"), warnings);
    }

    @Test
    void aBrokenFileDoesNotStopTheScan(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("node_modules/good"));
        Files.createDirectories(dir.resolve("node_modules/bad"));
        Files.createDirectories(dir.resolve("node_modules/good/test/fixture"));
        Files.writeString(dir.resolve("node_modules/good/package.json"), "{\"name\":\"good\",\"version\":\"1.0.0\"}");
        Files.writeString(dir.resolve("node_modules/good/test/fixture/package.json"),
                "{\"name\":\"fixture\",\"version\":\"0.0.0\"}");
        Files.writeString(dir.resolve("node_modules/bad/package.json"), "{\"name\":");
        Inventory inv = new DirectoryScanner(List.of(cataloger)).scan(dir);
        assertEquals(List.of("pkg:npm/good@1.0.0"), inv.packages().stream().map(Package::purl).toList());
        assertEquals(1, inv.warnings().size());
        assertTrue(inv.warnings().get(0).message().contains("node_modules/bad/package.json"));
    }
}
