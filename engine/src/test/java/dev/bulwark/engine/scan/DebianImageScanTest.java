package dev.bulwark.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import dev.bulwark.engine.source.layout.OciLayoutImageSource;
import dev.bulwark.engine.testing.DebianImages;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans real Debian 12 images (debootstrap + podman + skopeo) from every file-based source and checks the
 * inventory against what dpkg-query itself says about the same root filesystem and image.
 */
class DebianImageScanTest {
    private static DebianImages images;
    private static List<String> diffIds;

    @BeforeAll
    static void build() throws IOException {
        images = Fixtures.debian();
        JsonNode config = new ObjectMapper().readTree(images.finalConfig().toFile());
        diffIds = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
    }

    static Set<String> expected(Path tsv) throws IOException {
        return Files.readAllLines(tsv).stream().map(l -> l.split("\t"))
                .filter(f -> f[5].equals("installed"))
                .map(f -> String.join("\t", f[0], f[1], f[2], f[3], f[4]))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> actual(Inventory inv) {
        return inv.packages().stream().filter(p -> p.type().equals("deb"))
                .map(p -> String.join("\t", p.name(), p.version(), p.architecture(), p.sourceName(),
                        p.sourceVersion()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Inventory scan(Image image) throws IOException {
        try (image) {
            return new ImageScanner(Catalogers.all(), null, ScanOptions.defaults(), ScanListener.NONE).scan(image);
        }
    }

    @Test
    void dockerArchiveMatchesDpkgQueryInsideTheImage() throws IOException {
        Inventory inv = scan(new ArchiveImageSource(images.finalDockerArchive(), Platform.current()).open());
        assertEquals(expected(images.finalDpkg()), actual(inv));
        assertTrue(inv.target().repoTags().stream().anyMatch(t -> t.contains("bulwark-test/debian:12")),
                inv.target().repoTags().toString());
    }

    @Test
    void ociArchiveAndLayoutMatchDpkgQuery() throws IOException {
        Inventory archive = scan(new ArchiveImageSource(images.finalOciArchive(), Platform.current()).open());
        Inventory layout = scan(OciLayoutImageSource.parse("oci:" + images.finalOciLayout() + ":12",
                Platform.current()).open());
        assertEquals(expected(images.finalDpkg()), actual(archive));
        assertEquals(expected(images.finalDpkg()), actual(layout));
        JsonNode inspect = new ObjectMapper().readTree(images.finalInspect().toFile());
        assertEquals(inspect.path("Digest").asText(), layout.target().manifestDigest());
    }

    @Test
    void eachPackageKnowsTheLayerThatIntroducedIt() throws IOException {
        Inventory inv = scan(new ArchiveImageSource(images.finalDockerArchive(), Platform.current()).open());
        assertEquals(4, diffIds.size(), "the fixture builds four layers");
        Map<String, String> layerOf = inv.packages().stream()
                .collect(Collectors.toMap(Package::name, Package::layer, (a, b) -> a));
        // hello is installed by the fourth build step; everything else came with the debootstrapped base.
        assertEquals(diffIds.get(3), layerOf.get("hello"));
        Set<String> base = expected(images.baseDpkg()).stream().map(l -> l.split("\t")[0]).collect(Collectors.toSet());
        for (Package p : inv.packages()) {
            if (base.contains(p.name())) {
                assertEquals(diffIds.get(0), p.layer(), p.name());
            }
        }
        assertFalse(layerOf.containsKey("apt"), "apt was purged in layer 1");
        assertEquals(inv.packages().size(), inv.packages().stream().filter(p -> p.location() != null).count());
        assertTrue(inv.packages().stream().allMatch(p -> p.location().equals("var/lib/dpkg/status")));
    }

    @Test
    void directoryScanOfTheRootfsMatchesDpkgQuery() throws IOException {
        Inventory inv = new DirectoryScanner(Catalogers.all()).scan(images.rootfs());
        assertEquals(expected(images.baseDpkg()), actual(inv));
    }

    @Test
    void distroComesFromOsReleaseAsTheShellReadsIt() throws IOException {
        String shell = Tools.run(30, "bash", "-c", ". '" + images.rootfs().resolve("etc/os-release")
                + "' && printf '%s %s %s' \"$ID\" \"$VERSION_ID\" \"$VERSION_CODENAME\"");
        Inventory inv = scan(new ArchiveImageSource(images.finalDockerArchive(), Platform.current()).open());
        assertNotNull(inv.distro());
        assertEquals(shell, inv.distro().id() + " " + inv.distro().versionId() + " " + inv.distro().codename());
        Inventory fs = new DirectoryScanner(Catalogers.all()).scan(images.rootfs());
        assertEquals(inv.distro().id(), fs.distro().id());
        assertEquals(inv.distro().versionId(), fs.distro().versionId());
    }

    @Test
    void licensesAreTheLicenseFieldsOfMachineReadableCopyrightFiles() throws IOException {
        Inventory inv = new DirectoryScanner(Catalogers.all()).scan(images.rootfs());
        int checked = 0;
        for (Package p : inv.packages()) {
            Path copyright = images.rootfs().resolve("usr/share/doc").resolve(p.name()).resolve("copyright");
            if (!Files.isRegularFile(copyright, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String grep = Tools.run(30, "sh", "-c", "grep -i '^License:' '" + copyright + "' | cut -d: -f2- "
                    + "| sed 's/^[[:space:]]*//;s/[[:space:]]*$//' | grep -v '^$' || true");
            if (grep.isBlank()) {
                continue;
            }
            Set<String> want = new LinkedHashSet<>(List.of(grep.strip().split("\n")));
            assertEquals(want, new LinkedHashSet<>(p.licenses()), p.name());
            checked++;
        }
        assertTrue(checked > 10, "only " + checked + " packages have DEP-5 copyright files?");
    }

    static Function<Package, String> name() {
        return Package::name;
    }
}
