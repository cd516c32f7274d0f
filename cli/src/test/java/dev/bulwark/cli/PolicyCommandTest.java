package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy step through the CLI: a CEL deny rule, exceptions with owners and expiry, and bad policy files. */
class PolicyCommandTest {
    @TempDir
    Path tmp;

    private Path privilegedPod() {
        return Fixtures.sharedData().resolve("k8s/trivy-checks/KSV-0017__bad__0.yaml");
    }

    @Test
    void aDenyRuleFailsTheGateWithoutAnExitCode() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                rules:
                  - id: org.no-privileged
                    title: No privileged containers
                    severity: critical
                    message: privileged containers are not allowed here
                    action: deny
                    match:
                      inputs: [kubernetes]
                    expression: >-
                      has(object.spec) && has(object.spec.containers) && object.spec.containers.exists(c,
                      has(c.securityContext) && has(c.securityContext.privileged) && c.securityContext.privileged)
                """);
        CliRun r = CliRun.of("config", privilegedPod().toString(), "--policy", rules.toString(), "-f", "json");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("\"org.no-privileged\""), r.out());
        assertTrue(r.err().contains("denied"), r.err());
        CliRun good = CliRun.of("config", Fixtures.sharedData().resolve("k8s/trivy-checks/KSV-0017__good__0.yaml")
                .toString(), "--policy", rules.toString(), "-q");
        assertEquals(0, good.exit(), good.toString());
    }

    @Test
    void exceptionsSuppressUntilTheyExpire() throws IOException {
        Path live = tmp.resolve("live.yaml");
        Files.writeString(live, "exceptions:\n  - id: k8s.privileged\n    path: '**'\n"
                + "    justification: node agent needs it\n    owner: platform@example.com\n    expires: "
                + LocalDate.now().plusDays(30) + "\n");
        CliRun r = CliRun.of("config", privilegedPod().toString(), "--exceptions", live.toString(), "-f", "json");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("\"k8s.privileged\""), "suppressed");
        assertTrue(r.err().contains("suppressed"), r.err());

        Path expired = tmp.resolve("expired.yaml");
        Files.writeString(expired, Files.readString(live).replace(LocalDate.now().plusDays(30).toString(),
                LocalDate.now().minusDays(1).toString()));
        CliRun e = CliRun.of("config", privilegedPod().toString(), "--exceptions", expired.toString(), "-f", "json",
                "--exit-code", "4");
        assertEquals(4, e.exit(), e.toString());
        assertTrue(e.out().contains("\"k8s.privileged\""), "an expired exception no longer applies");
        assertTrue(e.err().contains("expired"), e.err());
    }

    @Test
    void badPolicyFilesAreOneLineErrors() throws IOException {
        Path rules = tmp.resolve("bad.yaml");
        Files.writeString(rules, "rules:\n  - id: bad-cel\n    severity: high\n    message: m\n"
                + "    match: {inputs: [kubernetes]}\n    expression: \"object.spec.(\"\n");
        CliRun r = CliRun.of("config", privilegedPod().toString(), "--policy", rules.toString());
        assertEquals(4, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad-cel"), r.err());
        Path ex = tmp.resolve("ex.yaml");
        Files.writeString(ex, "exceptions:\n  - id: k8s.privileged\n    justification: x\n    expires: 2030-01-01\n");
        CliRun missing = CliRun.of("config", privilegedPod().toString(), "--exceptions", ex.toString());
        assertEquals(4, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("owner"), missing.err());
    }
}
