package dev.bulwark.engine.config.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the built-in checks on the labelled upstream Dockerfiles of ../shared/data/dockerfile. */
class DockerfileLabelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DockerfileScanner scanner = new DockerfileScanner();

    @TestFactory
    Stream<DynamicTest> everyLabelIsHonoured() throws IOException {
        Properties map = mapping();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode label : labels()) {
            String upstream = label.get("check_id").asText();
            String file = label.get("file").asText();
            boolean fail = label.get("expected").asText().equals("fail");
            tests.add(DynamicTest.dynamicTest(upstream + " " + file, () -> {
                String ours = map.getProperty(upstream);
                assertNotNull(ours, "no Bulwark id mapped for upstream " + upstream);
                assertTrue(scanner.checks().stream().anyMatch(c -> c.id().equals(ours)), ours);
                Path path = Fixtures.sharedData().resolve("dockerfile").resolve(file);
                List<Misconfiguration> found = scanner.scan(path, file).findings().stream()
                        .filter(m -> m.checkId().equals(ours)).toList();
                if (fail) {
                    assertTrue(!found.isEmpty(), ours + " must report " + file);
                    assertTrue(found.stream().allMatch(m -> m.location().startLine() > 0), found.toString());
                } else {
                    assertEquals(List.of(), found, ours + " must not report " + file);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void everyMappedIdIsABuiltInCheckAndEveryUpstreamIdIsMapped() throws IOException {
        Properties map = mapping();
        List<String> ids = scanner.checks().stream().map(CheckInfo::id).toList();
        for (String upstream : map.stringPropertyNames()) {
            assertTrue(ids.contains(map.getProperty(upstream)), upstream + " maps to unknown " + map.getProperty(upstream));
        }
        for (JsonNode label : labels()) {
            assertTrue(map.containsKey(label.get("check_id").asText()), label.toString());
        }
        assertTrue(labels().size() >= 45, "labels: " + labels().size());
    }

    static Properties mapping() throws IOException {
        Properties map = new Properties();
        try (InputStream in = DockerfileLabelsTest.class.getResourceAsStream("trivy-check-map.properties")) {
            map.load(in);
        }
        return map;
    }

    static List<JsonNode> labels() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.sharedData().resolve("dockerfile/trivy-checks.labels.jsonl"))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
