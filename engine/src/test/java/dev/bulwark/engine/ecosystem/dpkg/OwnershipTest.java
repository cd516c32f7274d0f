package dev.bulwark.engine.ecosystem.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language packages read from files an OS package installed are marked as owned by it. The files, dpkg's file
 * lists and the expected owners are this machine's own: Debian's python3 packages, and {@code dpkg -S}.
 */
class OwnershipTest {
    @TempDir
    Path root;

    /** Reads Name and Version from wheel METADATA; enough to have language packages to own (test only). */
    record MetadataCataloger() implements Cataloger {
        @Override public String name() { return "test-metadata"; }
        @Override public int version() { return 1; }
        @Override public boolean wants(String path) { return path.endsWith(".dist-info/METADATA"); }

        @Override
        public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
            String name = null;
            String version = null;
            for (String line : new String(file.content().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("Name: ")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("Version: ")) {
                    version = line.substring(9).trim();
                } else if (line.isEmpty()) {
                    break;
                }
            }
            return name == null || version == null ? List.of()
                    : List.of(new Package("pypi", name, version, null, null, null, null, name(), file.path(), null,
                            null));
        }
    }

    @Test
    void debianPythonModulesAreOwnedByTheirDebianPackage() throws IOException {
        String found = Tools.run(60, "sh", "-c",
                "dpkg -S '/usr/lib/python3/dist-packages/*.dist-info/METADATA' 2>/dev/null | head -n 6 || true");
        Map<String, String> ownerOfPath = new HashMap<>();
        StringBuilder status = new StringBuilder();
        for (String line : found.strip().split("\n")) {
            int sep = line.indexOf(": ");
            if (sep < 0) {
                continue;
            }
            String pkg = line.substring(0, sep);
            String path = line.substring(sep + 2);
            ownerOfPath.put(path.substring(1), "deb/" + pkg);
            Path target = root.resolve(path.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(Path.of(path), target);
            Path list = Path.of("/var/lib/dpkg/info/" + pkg + ".list");
            if (!Files.exists(list)) {
                list = Path.of("/var/lib/dpkg/info/" + pkg + ":amd64.list");
            }
            Files.createDirectories(root.resolve("var/lib/dpkg/info"));
            Files.copy(list, root.resolve("var/lib/dpkg/info").resolve(list.getFileName()));
            status.append(Tools.run(30, "dpkg-query", "-s", pkg)).append('\n');
        }
        assertTrue(ownerOfPath.size() >= 2, "this machine should have Debian python3 packages: " + found);
        Files.writeString(root.resolve("var/lib/dpkg/status"), status.toString());
        // One module that no Debian package installed, e.g. from pip.
        Path own = root.resolve("usr/local/lib/python3.11/dist-packages/mine-1.0.dist-info/METADATA");
        Files.createDirectories(own.getParent());
        Files.writeString(own, "Metadata-Version: 2.1\nName: mine\nVersion: 1.0\n\n");

        Inventory inv = new DirectoryScanner(List.of(new DpkgCataloger(), new MetadataCataloger())).scan(root);
        int owned = 0;
        for (Package p : inv.packages()) {
            if (p.type().equals("pypi") && !p.name().equals("mine")) {
                assertEquals(ownerOfPath.get(p.location()), p.ownedBy(), p.location());
                owned++;
            }
        }
        assertEquals(ownerOfPath.size(), owned);
        Package mine = inv.packages().stream().filter(p -> p.name().equals("mine")).findFirst().orElseThrow();
        assertNull(mine.ownedBy());
        assertTrue(inv.packages().stream().filter(p -> p.type().equals("deb")).allMatch(p -> p.ownedBy() == null));
    }
}
