package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Findings in Bulwark's JSON, CycloneDX and JUnit documents, checked against each format's schema. */
class FindingReportsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonCarriesEveryFindingAndMatchesTheSchema() throws Exception {
        Assessment a = FixtureFindings.assessment();
        JsonNode doc = MAPPER.readTree(Reports.write("json", a));
        assertEquals("", Schemas.errors(Schemas.BULWARK, doc));
        assertEquals(a.findings(VulnerabilityFinding.class).size(), doc.get("vulnerabilities").size());
        assertEquals(2, doc.get("secrets").size());
        assertEquals(2, doc.get("misconfigurations").size());
        assertEquals(a.findings().size(), doc.get("summary").get("bySeverity").properties().stream()
                .mapToInt(e -> e.getValue().asInt()).sum());
        // Most severe first.
        assertEquals("CRITICAL", doc.get("vulnerabilities").get(0).get("severity").asText());
        JsonNode first = doc.get("vulnerabilities").get(0);
        assertTrue(first.get("evidence").get("comparison").asText().endsWith("(dpkg)"));
    }

    @Test
    void hostileFindingsStillMakeValidJson() throws Exception {
        JsonNode doc = MAPPER.readTree(Reports.write("json", FixtureFindings.hostile()));
        assertEquals("", Schemas.errors(Schemas.BULWARK, doc));
        assertFalse(doc.has("injected"));
    }

    @Test
    void cycloneDxVulnerabilitiesMatchTheOfficialSchema() throws Exception {
        for (Assessment a : new Assessment[] {FixtureFindings.assessment(), FixtureFindings.hostile()}) {
            JsonNode bom = MAPPER.readTree(Reports.write("cyclonedx", a));
            assertEquals("", Schemas.errors(Schemas.CYCLONEDX, bom));
            Set<String> refs = new HashSet<>();
            bom.get("components").forEach(c -> refs.add(c.get("bom-ref").asText()));
            assertEquals(a.findings(VulnerabilityFinding.class).size(), bom.get("vulnerabilities").size());
            for (JsonNode v : bom.get("vulnerabilities")) {
                for (JsonNode affects : v.get("affects")) {
                    assertTrue(refs.contains(affects.get("ref").asText()), "dangling ref " + affects);
                }
            }
        }
    }

    @Test
    void junitMatchesTheJenkinsSchemaAndCountsFailures() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/dev/bulwark/report/schema/junit-10.xsd")));
        for (Assessment a : new Assessment[] {FixtureFindings.assessment(), FixtureFindings.hostile()}) {
            String xml = Reports.write("junit", a);
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            assertEquals(Integer.toString(a.findings().size()),
                    doc.getDocumentElement().getAttribute("failures"));
            assertEquals(a.findings().size(), doc.getElementsByTagName("failure").getLength());
        }
    }

    @Test
    void junitShowsACleanScanAsPassingTests() throws Exception {
        Assessment clean = new Assessment(FixtureInventory.load(), java.util.List.of(),
                java.util.List.of("vuln", "secret"), null);
        String xml = Reports.write("junit", clean);
        assertTrue(xml.contains("failures=\"0\""));
        assertTrue(xml.contains("no vulnerabilities found"));
        assertTrue(xml.contains("no secrets found"));
        assertFalse(xml.contains("misconfigurations"), "the misconfig scanner did not run");
    }
}
