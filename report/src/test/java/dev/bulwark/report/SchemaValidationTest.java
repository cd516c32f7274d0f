package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void bulwarkJsonValidatesAgainstItsSchema() throws Exception {
        JsonNode doc = MAPPER.readTree(Reports.write("json", FixtureInventory.load()));
        assertEquals("", Schemas.errors(Schemas.BULWARK, doc));
        assertEquals(FixtureInventory.load().packages().size(), doc.get("packages").size());
    }

    @Test
    void bulwarkSchemaRejectsABrokenDocument() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Reports.write("json", FixtureInventory.load()));
        doc.put("schemaVersion", "2.0");
        ((ObjectNode) doc.get("packages").get(0)).remove("version");
        String errors = Schemas.errors(Schemas.BULWARK, doc);
        assertTrue(errors.contains("schemaVersion"), errors);
        assertTrue(errors.contains("version"), errors);
    }

    @Test
    void cycloneDxValidatesAgainstTheOfficialSchema() throws Exception {
        JsonNode bom = MAPPER.readTree(Reports.write("cyclonedx", FixtureInventory.load()));
        assertEquals("", Schemas.errors(Schemas.CYCLONEDX, bom));
        Set<String> refs = new HashSet<>();
        bom.get("components").forEach(c -> assertTrue(refs.add(c.get("bom-ref").asText()), "duplicate bom-ref"));
        assertTrue(bom.get("serialNumber").asText().startsWith("urn:uuid:"));
    }

    @Test
    void officialCycloneDxSchemaRejectsABrokenBom() throws Exception {
        ObjectNode bom = (ObjectNode) MAPPER.readTree(Reports.write("cyclonedx", FixtureInventory.load()));
        ObjectNode component = (ObjectNode) bom.get("components").get(1);
        component.put("type", "not-a-component-type");
        // A license id outside the SPDX list is only caught if the referenced spdx.schema.json was loaded.
        ((ArrayNode) component.withArray("licenses")).removeAll()
                .addObject().putObject("license").put("id", "Not-An-SPDX-Id");
        bom.put("serialNumber", "not-a-urn");
        String errors = Schemas.errors(Schemas.CYCLONEDX, bom);
        assertTrue(errors.contains("/components/1/type: does not have a value in the enumeration"), errors);
        assertTrue(errors.contains("/components/1/licenses/0/license/id: does not have a value"), errors);
        assertTrue(errors.contains("/serialNumber: does not match the regex pattern"), errors);
    }

    @Test
    void spdxValidatesAgainstTheOfficialSchema() throws Exception {
        JsonNode doc = MAPPER.readTree(Reports.write("spdx-json", FixtureInventory.load()));
        assertEquals("", Schemas.errors(Schemas.SPDX, doc));
        Set<String> ids = new HashSet<>();
        doc.get("packages").forEach(p -> assertTrue(ids.add(p.get("SPDXID").asText()), "duplicate SPDXID"));
        doc.get("relationships").forEach(r -> {
            assertTrue(r.get("spdxElementId").asText().equals("SPDXRef-DOCUMENT")
                    || ids.contains(r.get("spdxElementId").asText()));
            assertTrue(ids.contains(r.get("relatedSpdxElement").asText()), "dangling relationship " + r);
        });
    }

    @Test
    void officialSpdxSchemaRejectsABrokenDocument() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Reports.write("spdx-json", FixtureInventory.load()));
        ((ObjectNode) doc.get("packages").get(1)).remove("SPDXID");
        ((ObjectNode) doc.get("relationships").get(0)).put("relationshipType", "LIKES");
        doc.remove("documentNamespace");
        String errors = Schemas.errors(Schemas.SPDX, doc);
        assertTrue(errors.contains("SPDXID"), errors);
        assertTrue(errors.contains("relationshipType"), errors);
        assertTrue(errors.contains("documentNamespace"), errors);
    }

    @Test
    void everyPackageCarriesItsPurl() throws Exception {
        JsonNode bom = MAPPER.readTree(Reports.write("cyclonedx", FixtureInventory.load()));
        JsonNode spdx = MAPPER.readTree(Reports.write("spdx-json", FixtureInventory.load()));
        long withPurl = 0;
        for (JsonNode c : bom.get("components")) {
            if (c.get("type").asText().equals("library")) {
                assertTrue(c.get("purl").asText().startsWith("pkg:deb/debian/"), c.toString());
                withPurl++;
            }
        }
        assertEquals(FixtureInventory.load().packages().size(), withPurl);
        long refs = 0;
        for (JsonNode p : spdx.get("packages")) {
            for (JsonNode ref : p.path("externalRefs")) {
                assertEquals("PACKAGE-MANAGER", ref.get("referenceCategory").asText());
                refs++;
            }
        }
        assertEquals(withPurl + 1, refs, "every package plus the image has a purl");
    }
}
