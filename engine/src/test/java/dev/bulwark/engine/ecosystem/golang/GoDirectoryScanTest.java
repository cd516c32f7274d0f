package dev.bulwark.engine.ecosystem.golang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Go catalogers through the engine: a tree with a Go binary, a C binary, a script and a project go.mod. */
class GoDirectoryScanTest {

    @Test
    void scansBinariesAndGoMod(@TempDir Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("usr/local/bin"));
        Files.copy(GoFixtures.dir().resolve("app"), bin.resolve("app"));
        Files.copy(Path.of("/usr/bin/env"), bin.resolve("env")); // a C binary: no Go packages, no warning
        Files.writeString(bin.resolve("run.sh"), "#!/bin/sh\nexec app\n");
        Path src = Files.createDirectories(root.resolve("src/app"));
        Files.copy(GoFixtures.dir().resolve("go.mod"), src.resolve("go.mod"));

        Inventory inv = new DirectoryScanner(List.of(new GoBinaryCataloger(), new GoModCataloger())).scan(root);

        assertEquals(List.of(), inv.warnings());
        Set<String> fromBinary = new TreeSet<>();
        Set<String> fromGoMod = new TreeSet<>();
        for (Package p : inv.packages()) {
            assertTrue(p.purl().startsWith("pkg:golang/"), p.purl());
            (p.location().equals("usr/local/bin/app") ? fromBinary : fromGoMod).add(p.purl());
        }
        assertEquals(GoFixtures.expectedFromGoVersion(GoFixtures.dir().resolve("app")).size(), fromBinary.size());
        assertTrue(fromBinary.contains("pkg:golang/stdlib@v1.19.8") || fromBinary.stream()
                .anyMatch(s -> s.startsWith("pkg:golang/stdlib@v1.")), fromBinary.toString());
        assertTrue(fromBinary.contains("pkg:golang/example.com/greet@v1.2.3"), fromBinary.toString());
        assertTrue(fromGoMod.contains("pkg:golang/example.com/textfork@v0.3.8-fork"), fromGoMod.toString());
        assertTrue(inv.packages().stream().allMatch(p -> p.location().equals("usr/local/bin/app")
                || p.location().equals("src/app/go.mod")));
    }
}
