package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SBOMs as input: what Bulwark writes for a real image reads back as the same packages; bad documents fail clearly. */
class SbomCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Set<String> identities(JsonNode report) {
        Set<String> out = new TreeSet<>();
        report.path("packages").forEach(p -> out.add(p.path("type").asText() + " " + p.path("name").asText() + " "
                + p.path("version").asText() + " " + p.path("architecture").asText() + " "
                + p.path("sourceName").asText() + " " + p.path("purl").asText()));
        return out;
    }

    @Test
    void cycloneDxAndSpdxOfARealImageReadBackAsTheSamePackages() throws IOException {
        Path archive = Fixtures.debian().finalDockerArchive();
        CliRun scan = CliRun.of("image", "--input", archive.toString(), "--no-cache", "-f", "json");
        assertEquals(0, scan.exit(), scan.toString());
        Set<String> expected = identities(JSON.readTree(scan.out()));
        for (String format : new String[] {"cyclonedx", "spdx-json"}) {
            Path doc = tmp.resolve(format + ".json");
            assertEquals(0, CliRun.of("image", "--input", archive.toString(), "--no-cache", "-f", format, "-o",
                    doc.toString()).exit());
            CliRun back = CliRun.of("sbom", doc.toString(), "-f", "json");
            assertEquals(0, back.exit(), back.toString());
            JsonNode report = JSON.readTree(back.out());
            assertEquals(expected, identities(report), format);
            assertEquals("debian", report.path("distro").path("id").asText(), format);
            assertEquals("12", report.path("distro").path("versionId").asText(), format);
        }
    }

    @Test
    void componentsWithoutPurlAreCountedAndBadDocumentsRefused() throws IOException {
        Path doc = tmp.resolve("bom.json");
        Files.writeString(doc, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":["
                + "{\"type\":\"library\",\"name\":\"no-purl\"},"
                + "{\"type\":\"library\",\"name\":\"x\",\"purl\":\"not a purl\"},"
                + "{\"type\":\"library\",\"name\":\"lodash\",\"purl\":\"pkg:npm/lodash@4.17.15\","
                + "\"components\":[{\"type\":\"library\",\"purl\":\"pkg:npm/%40babel/core@7.0.0\"}]}]}");
        CliRun r = CliRun.of("sbom", doc.toString(), "-f", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(2, report.path("packages").size(), r.out());
        assertEquals(2, report.path("warnings").size(), r.out());
        assertTrue(r.out().contains("\"@babel/core\""), r.out());

        Files.writeString(doc, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.2\",\"components\":[]}");
        assertEquals(4, CliRun.of("sbom", doc.toString()).exit());
        Files.writeString(doc, "{\"components\": [");
        assertEquals(4, CliRun.of("sbom", doc.toString()).exit());
        Files.writeString(doc, "[" .repeat(5000));
        CliRun deep = CliRun.of("sbom", doc.toString());
        assertEquals(4, deep.exit(), deep.toString());
        Files.writeString(doc, "{\"hello\": 1}");
        CliRun neither = CliRun.of("sbom", doc.toString());
        assertEquals(4, neither.exit());
        assertTrue(neither.message().contains("neither CycloneDX"), neither.message());
        assertEquals(3, CliRun.of("sbom", tmp.resolve("missing.json").toString()).exit());
    }
}
