package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark config} on the labelled upstream data and on hostile files. */
class ConfigCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void labelledBadFilesFailTheGate() throws IOException {
        Path k8s = Fixtures.sharedData().resolve("k8s/trivy-checks");
        CliRun r = CliRun.of("config", k8s.resolve("KSV-0017__bad__0.yaml").toString(), "-f", "json",
                "--exit-code", "7");
        assertEquals(7, r.exit(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        Set<String> checks = new HashSet<>();
        doc.get("misconfigurations").forEach(m -> checks.add(m.get("checkId").asText()));
        assertTrue(checks.contains("k8s.privileged"), checks.toString());
        assertEquals("misconfig", doc.get("scanners").get(0).asText());

        Path dockerfiles = Fixtures.sharedData().resolve("dockerfile/trivy-checks");
        CliRun d = CliRun.of("config", dockerfiles.resolve("DS-0002__bad__0.Dockerfile").toString(), "-f", "json",
                "--severity", "HIGH", "--exit-code", "7");
        assertEquals(7, d.exit(), d.err());
        assertTrue(d.out().contains("dockerfile.root-user"), d.out());
    }

    @Test
    void aDirectoryOfEverythingGivesValidSarif() throws IOException {
        CliRun r = CliRun.of("config", Fixtures.sharedData().resolve("k8s").toString(), "-f", "sarif", "-q");
        assertEquals(0, r.exit(), r.err());
        JsonNode sarif = JSON.readTree(r.out());
        assertTrue(sarif.get("runs").get(0).get("results").size() > 100);
    }

    @Test
    @Timeout(60)
    void hostileFilesAreWarningsNotFailures() throws IOException {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
                + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 0; i < 12; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [");
            String prev = i == 0 ? "*a" : "*b" + (i - 1);
            bomb.append(String.join(",", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        Files.writeString(tmp.resolve("bomb.yaml"), bomb);
        byte[] binary = new byte[4096];
        new java.util.Random(1).nextBytes(binary);
        Files.write(tmp.resolve("Dockerfile"), binary);
        Files.writeString(tmp.resolve("compose.yaml"), "services: [unclosed");
        Files.writeString(tmp.resolve("ok.Dockerfile"), "FROM debian:12\nUSER root\n");
        CliRun r = CliRun.of("config", tmp.toString(), "-f", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("warnings").size() >= 2, doc.get("warnings").toString());
        assertTrue(r.out().contains("dockerfile.root-user"), "the good file is still checked");
    }

    @Test
    void missingPathIsNotFound() {
        CliRun r = CliRun.of("config", tmp.resolve("nope").toString());
        assertEquals(3, r.exit(), r.toString());
    }
}
