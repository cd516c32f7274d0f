package dev.bulwark.engine.ecosystem.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.scan.ImageScanner;
import dev.bulwark.engine.scan.ScanListener;
import dev.bulwark.engine.scan.ScanOptions;
import dev.bulwark.engine.source.layout.OciLayoutImageSource;
import dev.bulwark.engine.testing.OciLayoutBuilder;
import dev.bulwark.engine.testing.TarBuilder;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distroless images keep one dpkg stanza per file in {@code var/lib/dpkg/status.d/}. The stanzas here are what
 * {@code dpkg-query -s} prints for packages installed on this machine.
 */
class DistrolessStatusTest {
    private static final List<String> PACKAGES = List.of("base-files", "libc6", "tzdata");

    @TempDir
    Path tmp;

    private static String field(String stanza, String name) {
        return stanza.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
                .findFirst().orElseThrow();
    }

    @Test
    void eachStatusDFileIsAPackageAndMd5sumsAreIgnored() throws IOException {
        TarBuilder tar = new TarBuilder().dir("var/lib/dpkg/status.d/");
        Set<String> expected = new TreeSet<>();
        for (String p : PACKAGES) {
            String stanza = Tools.run(30, "dpkg-query", "-s", p);
            tar.file("var/lib/dpkg/status.d/" + p, stanza);
            tar.file("var/lib/dpkg/status.d/" + p + ".md5sums", "d41d8cd98f00b204e9800998ecf8427e  usr/x\n");
            expected.add(field(stanza, "Package") + " " + field(stanza, "Version") + " "
                    + field(stanza, "Architecture"));
        }
        Path layout = new OciLayoutBuilder().gzipLayer(tar.build()).write(tmp.resolve("layout"));
        Inventory inv;
        try (var image = new OciLayoutImageSource(layout, "test", Platform.current()).open()) {
            inv = new ImageScanner(Catalogers.all(), null, ScanOptions.defaults(), ScanListener.NONE).scan(image);
        }
        Set<String> actual = inv.packages().stream().map(p -> p.name() + " " + p.version() + " " + p.architecture())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        for (Package p : inv.packages()) {
            assertEquals("var/lib/dpkg/status.d/" + p.name(), p.location());
        }
    }

    @Test
    void malformedStanzaIsSkippedWithAWarningAndTheRestKept() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        String good = Tools.run(30, "dpkg-query", "-s", "libc6");
        Files.writeString(root.resolve("var/lib/dpkg/status"), "this line is not a field\nPackage: broken\n\n"
                + "Package: no-version\nStatus: install ok installed\n\n" + good);
        Inventory inv = new DirectoryScanner(Catalogers.all()).scan(root);
        assertEquals(List.of("libc6"), inv.packages().stream().map(Package::name).toList());
        assertEquals(2, inv.warnings().size(), inv.warnings().toString());
        assertTrue(inv.warnings().get(0).message().contains("var/lib/dpkg/status"), inv.warnings().toString());
    }
}
