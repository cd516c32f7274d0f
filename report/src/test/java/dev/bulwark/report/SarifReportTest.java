package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.bulwark.engine.finding.Assessment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF checked by Microsoft's own SARIF validator (the {@code @microsoft/sarif-multitool} package from the npm
 * registry, cached outside the checkout), with its schema rules and the rules for what GitHub code scanning ingests,
 * and against the SARIF 2.1.0 JSON schema that package ships.
 */
class SarifReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MULTITOOL = "5.7.0";
    private static Path tool;

    @BeforeAll
    static void fetchValidator() throws Exception {
        tool = SarifMultitool.install(MULTITOOL);
    }

    @Test
    void sarifMatchesTheSchemaItsValidatorShips() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(tool.resolveSibling("sarif-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        for (Assessment a : List.of(FixtureFindings.assessment(), FixtureFindings.hostile())) {
            JsonNode doc = MAPPER.readTree(Reports.write("sarif", a));
            assertEquals("", String.join("\n", schema.validate(doc).stream().map(Object::toString).sorted().toList()));
            assertEquals(a.findings().size(), doc.get("runs").get(0).get("results").size());
        }
    }

    @Test
    void githubIngestionRulesPass(@TempDir Path dir) throws Exception {
        for (Assessment a : List.of(FixtureFindings.assessment(), FixtureFindings.hostile())) {
            Path sarif = dir.resolve("report.sarif");
            Files.writeString(sarif, Reports.write("sarif", a));
            Path log = dir.resolve("validation.sarif");
            String out = SarifMultitool.run(tool, dir, "validate", sarif.toString(), "--output", log.toString(),
                    "--rule-kind", "Sarif;Gh", "--level", "Error", "--log", "ForceOverwrite");
            JsonNode results = MAPPER.readTree(log.toFile()).get("runs").get(0).get("results");
            assertEquals(0, results == null ? 0 : results.size(), "validator errors:\n" + results + "\n" + out);
        }
    }

    @Test
    void validatorCatchesABrokenDocument(@TempDir Path dir) throws Exception {
        // The check above must be able to fail: a result without a message breaks the SARIF rules.
        ObjectMapper m = new ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(Reports.write("sarif",
                FixtureFindings.assessment()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("runs").get(0).get("results").get(0)).remove("message");
        Path sarif = dir.resolve("broken.sarif");
        Files.writeString(sarif, m.writeValueAsString(doc));
        Path log = dir.resolve("validation.sarif");
        SarifMultitool.run(tool, dir, "validate", sarif.toString(), "--output", log.toString(), "--rule-kind",
                "Sarif;Gh", "--level", "Error", "--log", "ForceOverwrite");
        JsonNode results = MAPPER.readTree(log.toFile()).get("runs").get(0).get("results");
        assertTrue(results != null && results.size() > 0, "the validator reported nothing for a broken document");
    }
}
