package dev.bulwark.engine.ecosystem.golang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** go.mod parsing against the go command's own parse ({@code go mod edit -json}) of a go.mod that go mod tidy wrote. */
class GoModCatalogerTest {

    private static List<Package> parse(byte[] content, List<Warning> warnings) throws IOException {
        return new GoModCataloger().parse(new CatalogFile("src/app/go.mod", content.length,
                new ByteArrayInputStream(content)), (c, m) -> warnings.add(new Warning(c, m)));
    }

    @Test
    void matchesGoModEditJson() throws IOException {
        byte[] gomod = Files.readAllBytes(GoFixtures.dir().resolve("go.mod"));
        JsonNode json = new ObjectMapper().readTree(GoFixtures.dir().resolve("go.mod.json").toFile());
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = parse(gomod, warnings);
        assertEquals(List.of(), warnings);

        Set<String> expected = new TreeSet<>();
        Set<String> direct = new TreeSet<>();
        for (JsonNode req : json.get("Require")) {
            String path = req.get("Path").asText();
            String version = req.get("Version").asText();
            String described = path + "@" + version;
            String name = described;
            for (JsonNode rep : json.get("Replace")) {
                boolean applies = rep.get("Old").get("Path").asText().equals(path)
                        && (!rep.get("Old").has("Version") || rep.get("Old").get("Version").asText().equals(version));
                if (applies && rep.get("New").has("Version")) {
                    name = rep.get("New").get("Path").asText() + "@" + rep.get("New").get("Version").asText();
                    described = name + " from " + path + "@" + version;
                } else if (applies) {
                    described = path + "@" + version + " from " + rep.get("New").get("Path").asText()
                            + " (low confidence)";
                }
            }
            expected.add(described);
            if (!req.path("Indirect").asBoolean(false)) {
                direct.add(name);
            }
        }
        String module = json.get("Module").get("Path").asText();
        expected.add(module + "@(devel)");
        Set<String> actual = new TreeSet<>();
        packages.forEach(p -> actual.add(GoFixtures.describe(p)));
        assertEquals(expected, actual);
        Package main = packages.get(0);
        assertEquals(module, main.name());
        assertEquals(direct, new TreeSet<>(main.dependsOn()));
        assertFalse(direct.isEmpty());
        assertTrue(direct.size() < json.get("Require").size(), "the fixture has an indirect requirement");
    }

    @Test
    void quotedTokensCommentsAndMalformedLines() throws IOException {
        String gomod = """
                module "example.com/q" // the module
                require (
                \t"example.com/a" v1.0.0 // indirect; kept for tests
                \texample.com/b v2.0.0+incompatible
                \tbroken
                )
                replace example.com/a v1.0.0 => example.com/a2 v1.0.1
                replace example.com/b => ../b
                replace nonsense
                exclude example.com/c v1.0.0
                """;
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = parse(gomod.getBytes(StandardCharsets.UTF_8), warnings);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("2 require or replace lines"), warnings.toString());
        Set<String> actual = new TreeSet<>();
        packages.forEach(p -> actual.add(GoFixtures.describe(p)));
        assertEquals(Set.of("example.com/q@(devel)", "example.com/a2@v1.0.1 from example.com/a@v1.0.0",
                "example.com/b@v2.0.0+incompatible from ../b (low confidence)"), actual);
        assertEquals(List.of("example.com/b@v2.0.0+incompatible"), packages.get(0).dependsOn());
    }

    @Test
    void endlessLineIsAWarning() throws IOException {
        byte[] line = new byte[GoModFile.MAX_LINE + 10];
        java.util.Arrays.fill(line, (byte) 'a');
        List<Warning> warnings = new ArrayList<>();
        assertEquals(List.of(), parse(line, warnings));
        assertEquals("go-mod.malformed", warnings.get(0).code());
    }

    @Test
    void wantsProjectGoModOnly() {
        GoModCataloger c = new GoModCataloger();
        assertTrue(c.wants("go.mod"));
        assertTrue(c.wants("src/app/go.mod"));
        assertFalse(c.wants("root/go/pkg/mod/example.com/a@v1.0.0/go.mod"));
        assertFalse(c.wants("src/app/vendor/example.com/a/go.mod"));
        assertFalse(c.wants("src/app/go.mod.bak"));
    }
}
