package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.ImageScanner;
import dev.bulwark.engine.scan.ScanListener;
import dev.bulwark.engine.scan.ScanOptions;
import dev.bulwark.engine.scan.ScanResult;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import dev.bulwark.engine.testing.CountingImage;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hardening through the real image scanner on the podman-built images of {@code hardening-images.sh}: the notables
 * collected in the scan's single pass give the findings {@code find} over the mounted image predicts, the layer
 * cache answers a rescan without reading a blob, and a scan without hardening collects nothing.
 */
class HardeningScanTest {
    private static final String BAD_REF = "localhost/bulwark-test/hardening-bad:1";
    private static Path dir;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void build() {
        dir = Fixtures.build("hardening-images.sh", 1800);
    }

    private static CountingImage open(String name) throws IOException {
        return new CountingImage(new ArchiveImageSource(dir.resolve(name + ".docker.tar"), null).open());
    }

    private static ScanResult scan(Image image, LayerCache cache, boolean hardening) {
        return new ImageScanner(Catalogers.all(), cache, ScanOptions.defaults().withHardening(hardening),
                ScanListener.NONE).index(image);
    }

    private static HardeningResult check(Image image, ScanResult r, String reference) {
        return HardeningChecks.run(new HardeningInput(image.config(), reference, r.inventory(), r.notables(),
                GoldenBases.none()));
    }

    private static Set<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file)).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> paths(HardeningResult r, String checkId) {
        return r.findings().stream().filter(m -> m.checkId().equals(checkId)).map(m -> m.location().path())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The tools {@code find} lists in bin and sbin directories, by the names the hardening package knows. */
    private static Set<String> toolsByFind(String name) throws IOException {
        return lines(name + ".bin").stream().map(l -> l.split("\t")[0]).filter(p -> NotableFiles.toolKind(p) != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> tools(ImageNotables n) {
        return n.present().stream().filter(p -> p.file().kindSet().stream().anyMatch(NotableKind::isTool))
                .map(p -> p.file().path()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long notableEntries(Path cacheDir) throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("notables-")).count();
        }
    }

    @Test
    void badImageScanGivesTheFindingsFindPredictsAndACachedRescanReadsNoBlob() throws IOException {
        LayerCache cache = new LayerCache(cacheDir);
        ScanResult cold;
        HardeningResult coldFindings;
        try (CountingImage image = open("bad")) {
            cold = scan(image, cache, true);
            assertEquals(image.layers().size(), image.opens(), "a cold scan reads every layer once");
            assertNotNull(cold.notables(), "hardening on: the scan carries the notables");
            assertEquals(NotableSquash.squash(NotableLayerDriver.read(image),
                    image.layers().stream().map(l -> l.diffId().toString()).toList()), cold.notables(),
                    "the scanner's single pass records what a separate pass over the same layers records");
            coldFindings = check(image, cold, BAD_REF);
        }
        assertEquals(lines("bad.setuid"), paths(coldFindings, "image.setuid-file"));
        assertEquals(lines("bad.setgid"), paths(coldFindings, "image.setgid-file"));
        assertEquals(lines("bad.world-writable"), paths(coldFindings, "image.world-writable"));
        assertEquals(toolsByFind("bad"), tools(cold.notables()));
        Set<String> hidden = cold.notables().hidden().stream().filter(p -> p.file().is(NotableKind.SETUID))
                .map(p -> p.file().path()).collect(Collectors.toSet());
        assertTrue(hidden.containsAll(List.of("usr/local/bin/gone-suid", "usr/bin/chsh")),
                "deleted and rewritten setuid files are hidden, not present: " + hidden);
        Map<String, List<Misconfiguration>> byId = coldFindings.findings().stream()
                .collect(Collectors.groupingBy(Misconfiguration::checkId));
        for (String id : List.of("image.root-user", "image.shell", "image.package-manager", "image.no-healthcheck",
                "image.ssh-port", "image.mutable-tag", "image.secret-in-env", "image.secret-in-build-arg",
                "image.add-remote-url")) {
            assertEquals(1, byId.getOrDefault(id, List.of()).size(), id + " in " + byId.keySet());
        }
        assertFalse(byId.containsKey("image.compiler"), "minbase has no compiler");
        assertTrue(byId.get("image.shell").get(0).message().contains("packages: ")
                && byId.get("image.shell").get(0).message().contains("bash"),
                "the scanned inventory names the package that brings the shells: " + byId.get("image.shell"));
        assertTrue(cold.notables().present().stream().allMatch(p -> p.diffId() != null && p.diffId().equals(
                cold.inventory().layers().get(p.layer()).diffId())), "locations name the layer's diffID");
        assertEquals(cold.inventory().layers().stream().map(l -> l.diffId()).distinct().count(),
                notableEntries(cacheDir), "one cached entry per layer");

        try (CountingImage image = open("bad")) {
            ScanResult warm = scan(image, cache, true);
            assertEquals(0, image.opens(), "a warm rescan with hardening on reads no layer blob");
            assertEquals(cold.notables(), warm.notables());
            assertEquals(coldFindings, check(image, warm, BAD_REF));
            assertEquals(cold.inventory(), warm.inventory());
        }
    }

    @Test
    void goodImageScanMatchesFind() throws IOException {
        try (CountingImage image = open("good")) {
            ScanResult r = scan(image, null, true);
            HardeningResult h = check(image, r, null);
            assertEquals(lines("good.setuid"), paths(h, "image.setuid-file"));
            assertEquals(lines("good.setgid"), paths(h, "image.setgid-file"));
            assertEquals(lines("good.world-writable"), paths(h, "image.world-writable"));
            assertEquals(toolsByFind("good"), tools(r.notables()));
            assertTrue(paths(h, "image.setuid-file").contains("usr/bin/chsh"), "chsh is setuid in the base");
        }
    }

    @Test
    void hardeningOffCollectsNothingAndTurningItOnReadsTheLayersOnce() throws IOException {
        LayerCache cache = new LayerCache(cacheDir);
        ScanResult off;
        try (CountingImage image = open("bad")) {
            off = scan(image, cache, false);
            assertNull(off.notables(), "hardening off: no notables");
        }
        assertEquals(0, notableEntries(cacheDir), "hardening off caches no notables");

        // The index and cataloger results are cached, the notables are not: each layer is read once more for them.
        try (CountingImage image = open("bad")) {
            ScanResult on = scan(image, cache, true);
            assertEquals(image.layers().size(), image.opens(), "notables missing from the cache: layers read");
            assertEquals(lines("bad.setuid"), paths(check(image, on, BAD_REF), "image.setuid-file"));
            assertEquals(off.inventory(), on.inventory());
        }
        try (CountingImage image = open("bad")) {
            assertNull(scan(image, cache, false).notables());
            assertEquals(0, image.opens(), "everything a hardening-off scan needs is cached");
        }
    }

    @Test
    void aDamagedCachedEntryIsAMissAndOnlyItsLayerIsReadAgain() throws IOException {
        LayerCache cache = new LayerCache(cacheDir);
        ScanResult cold;
        try (CountingImage image = open("bad")) {
            cold = scan(image, cache, true);
        }
        Path damaged;
        try (Stream<Path> files = Files.walk(cacheDir)) {
            damaged = files.filter(p -> p.getFileName().toString().startsWith("notables-")).sorted().findFirst()
                    .orElseThrow();
        }
        byte[] good = Files.readAllBytes(damaged);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5A;
        Files.write(damaged, java.util.Arrays.copyOf(bad, bad.length - 3)); // flipped and truncated
        try (CountingImage image = open("bad")) {
            ScanResult again = scan(image, cache, true);
            String hex = damaged.getParent().getFileName().toString();
            assertEquals(image.layers().stream().filter(l -> l.diffId().hex().equals(hex)).count(), image.opens(),
                    "only the layer whose entry does not decode is read");
            assertEquals(cold.notables(), again.notables());
        }
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(damaged)), "the entry is rewritten");
    }
}
