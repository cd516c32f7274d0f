package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names and versions come from the image: every writer must survive whatever a hostile image puts there. */
class HostileInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ESCAPES = "evil\n9.9\tdeb\r\u001b[31mred\u001b[0m\u0000\u007f\u0085";
    private static final String BIDI = "abc\u202egnp.exe\u2066\u200b";
    private static final String QUOTES = "\"},{\"injected\":true,\"\\";
    private static final String LONE_SURROGATE = "broken\ud800name";

    private static Inventory hostile() {
        Inventory base = FixtureInventory.load();
        List<Package> packages = new ArrayList<>(base.packages());
        for (String name : List.of(ESCAPES, BIDI, QUOTES, LONE_SURROGATE, "x".repeat(100_000), "")) {
            packages.add(new Package("deb", name, name.isEmpty() ? "1" : name, "amd64", name, null,
                    List.of(name.isEmpty() ? "x" : name), "dpkg", "var/lib/dpkg/status", null, null));
        }
        List<Warning> warnings = List.of(new Warning("dpkg.bad", "line\nforged: row\u001b]0;title\u0007"));
        return new Inventory(base.target(), base.distro(), base.layers(), packages, warnings);
    }

    @Test
    void tableEscapesControlCharactersAndKeepsOneRowPerPackage() {
        Inventory inventory = hostile();
        String table = Reports.write("table", inventory);
        assertTrue(table.codePoints().noneMatch(cp -> cp != '\n' && (Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.isSurrogate((char) cp))),
                "raw control, format or surrogate character in the table");
        String[] parts = table.split("\n\n");
        long rows = parts[1].lines().count() - 1;
        assertEquals(inventory.packages().size(), rows);
        assertTrue(table.contains("evil\\n9.9\\tdeb\\r\\u001b[31mred"), table);
        assertTrue(table.contains("abc\\u202egnp.exe"), table);
        assertTrue(table.lines().allMatch(l -> l.length() < 400), "a cell was not cut");
        assertTrue(table.contains("line\\nforged: row\\u001b]0;title\\u0007"));
    }

    @Test
    void jsonFormatsStayValidAndKeepTheExactNames() throws Exception {
        Inventory inventory = hostile();
        for (String format : List.of("json", "cyclonedx", "spdx-json")) {
            String text = Reports.write(format, inventory);
            JsonNode doc = MAPPER.readTree(text);
            String errors = Schemas.errors(format.equals("json") ? Schemas.BULWARK
                    : format.equals("cyclonedx") ? Schemas.CYCLONEDX : Schemas.SPDX, doc);
            assertEquals("", errors, format);
            List<String> names = new ArrayList<>();
            JsonNode list = doc.has("components") ? doc.get("components") : doc.get("packages");
            list.forEach(p -> names.add(p.path("name").asText()));
            assertTrue(names.contains(ESCAPES), format);
            assertTrue(names.contains(BIDI), format);
            assertTrue(names.contains(QUOTES), format);
            assertTrue(names.contains("broken\ufffdname"), format + ": lone surrogate should become U+FFFD");
            assertFalse(text.contains("\"injected\":true"), format);
        }
    }

    @Test
    void spdxIdsStayInTheirAlphabet() throws Exception {
        JsonNode doc = MAPPER.readTree(Reports.write("spdx-json", hostile()));
        doc.get("packages").forEach(p -> assertTrue(p.get("SPDXID").asText().matches("SPDXRef-[A-Za-z0-9.-]+"),
                p.get("SPDXID").asText()));
        doc.get("hasExtractedLicensingInfos").forEach(l ->
                assertTrue(l.get("licenseId").asText().matches("LicenseRef-[A-Za-z0-9.-]+")));
    }
}
