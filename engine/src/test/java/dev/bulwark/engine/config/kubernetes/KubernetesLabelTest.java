package dev.bulwark.engine.config.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the scanner over the labelled manifests of trivy-checks and Polaris: for every row whose upstream check maps
 * to one of ours, {@code fail} means our check reports on that file and {@code pass} means it does not. Rows where we
 * deliberately differ are listed, with the reason, in upstream-disagreements.properties.
 */
class KubernetesLabelTest {

    private final KubernetesScanner scanner = new KubernetesScanner();
    private final Map<Path, Set<String>> reported = new HashMap<>();

    @Test
    void everyMappedLabelRowAgreesOrIsAListedDisagreement() throws IOException {
        Properties mapping = load("upstream-checks.properties");
        Properties disagreements = load("upstream-disagreements.properties");
        Path data = Fixtures.sharedData().resolve("k8s");
        Set<String> ourIds = KubernetesScanner.checks().stream().map(CheckDescription::id)
                .collect(Collectors.toSet());
        Map<String, int[]> perCheck = new TreeMap<>(); // agree, disagree, unmapped
        Map<String, String> mismatches = new TreeMap<>();
        int rows = 0;
        for (String labels : List.of("trivy-checks.labels.jsonl", "polaris.labels.jsonl")) {
            for (String line : Files.readAllLines(data.resolve(labels))) {
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                JsonNode row = new ObjectMapper().readTree(line);
                String file = row.get("file").asText();
                String key = file.substring(0, file.indexOf('/')) + ":" + row.get("check_id").asText();
                String ours = mapping.getProperty(key);
                assertTrue(ours != null, "no mapping for upstream check " + key);
                int[] counts = perCheck.computeIfAbsent(key + " -> " + ours.split(":")[0], k -> new int[3]);
                if (ours.startsWith("unmapped:")) {
                    counts[2]++;
                    continue;
                }
                assertTrue(ourIds.contains(ours), key + " maps to unknown check " + ours);
                boolean expectFail = row.get("expected").asText().equals("fail");
                boolean reports = reportedOn(data.resolve(file)).contains(ours);
                if (reports == expectFail) {
                    counts[0]++;
                } else {
                    counts[1]++;
                    mismatches.put(file, key + " expected " + row.get("expected").asText() + ", " + ours
                            + (reports ? " reports it" : " is silent"));
                }
            }
        }
        perCheck.forEach((check, c) -> System.out.printf("%-75s agree %3d  differ %2d  unmapped %2d%n", check, c[0],
                c[1], c[2]));
        mismatches.forEach((file, what) -> System.out.println("DIFFERS " + file + ": " + what + " -- "
                + disagreements.getProperty(file, "NOT LISTED")));
        assertEquals(377, rows, "label rows read");
        assertEquals(new TreeMap<>(disagreements).keySet(), mismatches.keySet(),
                "label rows that differ from upstream must be exactly the listed, explained disagreements");
    }

    private Set<String> reportedOn(Path file) {
        return reported.computeIfAbsent(file, f -> {
            try {
                KubernetesScan scan = scanner.scan(f.getFileName().toString(), Files.readAllBytes(f));
                return scan.findings().stream().map(m -> m.checkId()).collect(Collectors.toSet());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KubernetesLabelTest.class.getResourceAsStream("/config/kubernetes/" + name)) {
            properties.load(in);
        }
        return properties;
    }
}
