package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.bulwark.engine.inventory.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every format against its golden file under golden/. Run with {@code -Dbulwark.updateGolden=true} to rewrite the
 * files in src/test/resources after a deliberate change, then review the diff.
 */
class GoldenFilesTest {
    private static final Path SOURCE_DIR = Path.of("src/test/resources/dev/bulwark/report/golden");

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "cyclonedx", "spdx-json"})
    void matchesTheGoldenFile(String format) throws IOException {
        String actual = Reports.write(format, FixtureInventory.load());
        String file = format + (format.equals("table") ? ".txt" : ".json");
        if (Boolean.getBoolean("bulwark.updateGolden")) {
            Files.createDirectories(SOURCE_DIR);
            Files.writeString(SOURCE_DIR.resolve(file), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("golden/" + file)) {
            assertNotNull(in, "no golden file golden/" + file + "; run with -Dbulwark.updateGolden=true");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, format + " output changed; if intended, regenerate the golden files");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "cyclonedx", "sarif", "junit", "html"})
    void findingsMatchTheGoldenFile(String format) throws IOException {
        String actual = Reports.write(format, FixtureFindings.assessment());
        String file = "findings-" + format + switch (format) {
            case "table" -> ".txt";
            case "junit" -> ".xml";
            case "html" -> ".html";
            default -> ".json";
        };
        if (Boolean.getBoolean("bulwark.updateGolden")) {
            Files.createDirectories(SOURCE_DIR);
            Files.writeString(SOURCE_DIR.resolve(file), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("golden/" + file)) {
            assertNotNull(in, "no golden file golden/" + file + "; run with -Dbulwark.updateGolden=true");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, format + " output changed; if intended, regenerate the golden files");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "cyclonedx", "spdx-json"})
    void packageOrderInTheInventoryDoesNotMatter(String format) {
        Inventory inventory = FixtureInventory.load();
        List<dev.bulwark.engine.inventory.Package> shuffled = new ArrayList<>(inventory.packages());
        Collections.shuffle(shuffled, new Random(42));
        Collections.reverse(shuffled);
        Inventory reordered = new Inventory(inventory.target(), inventory.distro(), inventory.layers(), shuffled,
                inventory.warnings());
        assertEquals(Reports.write(format, inventory), Reports.write(format, reordered));
    }
}
