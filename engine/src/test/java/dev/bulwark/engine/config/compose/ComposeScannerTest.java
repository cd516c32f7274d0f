package dev.bulwark.engine.config.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.Misconfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComposeScannerTest {

    private static ComposeScan scan(String yaml) {
        return new ComposeScanner().scan("compose.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportsEachRiskOnItsService() {
        ComposeScan scan = scan("""
                services:
                  bad:
                    image: nginx
                    privileged: true
                    cap_add: [SYS_ADMIN]
                    network_mode: host
                    pid: host
                    user: "0:0"
                    volumes:
                      - /var/run/docker.sock:/var/run/docker.sock
                      - type: bind
                        source: /
                        target: /host
                    environment:
                      DB_PASSWORD: hunter2
                  good:
                    image: registry.example/app:1.4
                    user: "1000"
                    read_only: true
                    environment:
                      - DB_PASSWORD=${DB_PASSWORD}
                      - MODE=prod
                    volumes: [data:/data]
                volumes: {data: {}}
                """);
        assertEquals(2, scan.services());
        assertEquals(List.of(), scan.warnings());
        Set<String> ids = scan.findings().stream().map(Misconfiguration::checkId).collect(Collectors.toSet());
        assertEquals(Set.of("compose.privileged", "compose.cap-add", "compose.network-host", "compose.pid-host",
                "compose.user-root", "compose.docker-socket", "compose.host-root", "compose.env-secret",
                "compose.image-latest"), ids);
        assertTrue(scan.findings().stream().allMatch(f -> f.location().resource().equals("service bad")
                && f.location().startLine() == 3));
    }

    @Test
    void missingUserIsReportedAndHostileInputIsAWarning() {
        ComposeScan scan = scan("services:\n  app:\n    image: app:1\n");
        assertEquals(List.of("compose.user-root"),
                scan.findings().stream().map(Misconfiguration::checkId).toList());
        ComposeScan bomb = scan("a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nservices: [" + "[".repeat(5000));
        assertEquals(1, bomb.warnings().size());
        assertEquals(0, bomb.services());
    }
}
