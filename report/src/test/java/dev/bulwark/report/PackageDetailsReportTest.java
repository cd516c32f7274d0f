package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hashes, dependencies, flags and OS-package ownership in every format, still valid against Bulwark's schema and the
 * official CycloneDX 1.6 schema.
 */
class PackageDetailsReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Inventory inventory() throws Exception {
        Inventory base = FixtureInventory.load();
        // A real file's SHA-1 (this JDK's own release file), as a jar cataloger would record it.
        byte[] file = Files.readAllBytes(Path.of(System.getProperty("java.home"), "release"));
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(file));
        Package lib = new Package("maven", "org.example:app", "1.0", null, null, null, List.of(), "java",
                "app.jar", null, null, Map.of("sha1", sha1), List.of("org.example:util@2.0"), Set.of(), null);
        Package util = new Package("maven", "org.example:util", "2.0", null, null, null, List.of(), "java",
                "app.jar!/lib/util.jar", null, null, Map.of(), List.of(),
                Set.of(PackageFlag.LOW_CONFIDENCE), "deb/libexample-java");
        Package dev = new Package("npm", "left-pad", "1.3.0", null, null, null, List.of("WTFPL"), "npm",
                "package-lock.json", null, null, null, null, Set.of(PackageFlag.DEVELOPMENT), null);
        List<Package> all = new ArrayList<>(base.packages());
        all.addAll(List.of(lib, util, dev));
        return new Inventory(base.target(), base.distro(), base.layers(), all, base.warnings());
    }

    @Test
    void jsonCarriesTheDetailsAndStaysValid() throws Exception {
        JsonNode doc = MAPPER.readTree(Reports.write("json", inventory()));
        assertEquals("", Schemas.errors(Schemas.BULWARK, doc));
        String text = doc.toString();
        assertTrue(text.contains("\"dependsOn\":[\"org.example:util@2.0\"]"), text);
        assertTrue(text.contains("\"flags\":[\"low-confidence\"]"), text);
        assertTrue(text.contains("\"flags\":[\"development\"]"), text);
        assertTrue(text.contains("\"ownedBy\":\"deb/libexample-java\""), text);
        assertTrue(text.contains("\"hashes\":{\"sha1\":\""), text);
    }

    @Test
    void cycloneDxHasHashesAndTheDependencyGraph() throws Exception {
        JsonNode bom = MAPPER.readTree(Reports.write("cyclonedx", inventory()));
        assertEquals("", Schemas.errors(Schemas.CYCLONEDX, bom));
        JsonNode deps = bom.get("dependencies");
        assertEquals(1, deps.size());
        assertEquals("pkg:maven/org.example/app@1.0", deps.get(0).get("ref").asText());
        assertEquals("pkg:maven/org.example/util@2.0", deps.get(0).get("dependsOn").get(0).asText());
        String text = bom.toString();
        assertTrue(text.contains("\"alg\":\"SHA-1\""), text);
        assertTrue(text.contains("bulwark:package:ownedBy"), text);
    }

    @Test
    void spdxStaysValid() throws Exception {
        JsonNode doc = MAPPER.readTree(Reports.write("spdx-json", inventory()));
        assertEquals("", Schemas.errors(Schemas.SPDX, doc));
    }
}
