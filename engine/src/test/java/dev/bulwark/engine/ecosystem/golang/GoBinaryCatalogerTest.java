package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.elf.ElfFile;
import dev.bulwark.engine.catalog.elf.CapturedRanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go build information read by the cataloger against {@code go version -m} (Debian's golang-go) on real binaries:
 * Debian's own Go packages (cgo, externally linked, built in GOPATH mode so without dependencies) and a module
 * build with dependencies and both kinds of replacement, with and without a Go build ID note.
 */
class GoBinaryCatalogerTest {

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin/docker-registry", "/usr/bin/skopeo", "/usr/bin/podman", "/usr/bin/umoci"})
    void debianGoPackagesMatchGoVersionM(String binary) throws IOException {
        Path file = Path.of(binary);
        assertTrue(Files.isRegularFile(file), binary + " is missing: apt-get install docker-registry skopeo podman"
                + " umoci");
        GoFixtures.Result r = GoFixtures.catalog(file, binary.substring(1));
        assertEquals(List.of(), r.warnings());
        assertEquals(GoFixtures.expectedFromGoVersion(file), r.identities());
        assertTrue(r.packages().stream().allMatch(p -> p.type().equals("golang")
                && p.location().equals(binary.substring(1)) && p.foundBy().equals("go-binary")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "app-nobuildid"})
    void moduleBuildWithReplacementsMatchesGoVersionM(String name) throws IOException {
        Path file = GoFixtures.dir().resolve(name);
        GoFixtures.Result r = GoFixtures.catalog(file, "app/" + name);
        assertEquals(List.of(), r.warnings());
        assertEquals(GoFixtures.expectedFromGoVersion(file), r.identities());
        // the fixture really has both kinds of replacement and a dependency with a hash
        assertTrue(r.identities().contains("example.com/textfork@v0.3.8-fork from golang.org/x/text@v0.3.7"),
                r.identities().toString());
        assertTrue(r.identities().stream().anyMatch(s -> s.endsWith("(low confidence)")), r.identities().toString());
    }

    @Test
    void theNoteDecidesSpooling() throws IOException {
        byte[] withNote = Files.readAllBytes(GoFixtures.dir().resolve("app"));
        byte[] without = Files.readAllBytes(GoFixtures.dir().resolve("app-nobuildid"));
        assertTrue(GoBinaryReader.hasGoNote(head(withNote)));
        assertFalse(GoBinaryReader.hasGoNote(head(without)));
    }

    private static ElfFile head(byte[] file) throws IOException {
        byte[] prefix = java.util.Arrays.copyOf(file, GoBinaryReader.PREFIX);
        return new ElfFile(CapturedRanges.capture(prefix, java.io.InputStream.nullInputStream(), file.length,
                List.of()));
    }

    @Test
    void candidateFiles() {
        GoBinaryCataloger c = new GoBinaryCataloger();
        for (String yes : List.of("usr/bin/podman", "usr/local/bin/kubectl", "bin/app.real", "manager",
                "app/server", "ko-app/hello", "usr/libexec/podman/rootlessport", "opt/tool/bin/tool-1.2",
                "usr/lib/podman/netavark")) {
            assertTrue(c.wants(yes), yes);
        }
        for (String no : List.of("usr/share/zoneinfo/Europe/Paris", "etc/hostname", "usr/lib/x86_64-linux-gnu/libc.so.6",
                "app/main.go", "usr/lib/node_modules/npm/LICENSE", "usr/share/doc/podman/copyright",
                "usr/lib/python3/dist-packages/yaml/README")) {
            assertFalse(c.wants(no), no);
        }
    }
}
