package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --scanners secret} through the CLI on real credential examples (../shared/data/secrets): found, gated, and
 * never printed in clear in any report format.
 */
class SecretCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void secretsAreFoundAndNeverShownInClear() throws IOException {
        List<String> secrets = new ArrayList<>();
        int i = 0;
        for (String line : Files.readAllLines(Fixtures.sharedData().resolve("secrets/secret_examples.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            JsonNode matches = row.get("must_match");
            if (matches == null || matches.isEmpty() || i >= 40) {
                continue;
            }
            String example = matches.get(0).asText();
            Files.writeString(tmp.resolve("config-" + (i++) + ".env"), example + "\n");
            secrets.add(example);
        }
        CliRun json = CliRun.of("fs", tmp.toString(), "--scanners", "secret", "-f", "json", "--exit-code", "3");
        assertEquals(3, json.exit(), json.err());
        JsonNode found = JSON.readTree(json.out()).get("secrets");
        assertTrue(found.size() >= secrets.size(), found.size() + " secrets for " + secrets.size() + " files");
        for (String format : List.of("table", "json", "sarif", "junit", "html", "cyclonedx")) {
            CliRun r = CliRun.of("fs", tmp.toString(), "--scanners", "secret", "-f", format, "-q");
            for (String secret : secrets) {
                // The tail of each credential (past the few characters a masked value keeps) must not appear.
                String tail = secret.substring(Math.max(0, secret.length() - 12));
                if (tail.strip().length() >= 8 && secret.length() >= 16) {
                    assertFalse(r.out().contains(tail), format + " shows a secret in clear: " + tail);
                }
            }
        }
    }

    @Test
    void secretConfigNeedsTheSecretScanner() {
        CliRun r = CliRun.of("fs", tmp.toString(), "--secret-config", "x.yaml");
        assertEquals(2, r.exit(), r.toString());
    }
}
