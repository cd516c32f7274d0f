package dev.bulwark.engine.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.SecretFinding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    private static final SecretScanner SCANNER = new SecretScanner(SecretRuleSet.builtIn());
    private static final String GITHUB = "ghp_XIxB7KMNdAr3zqWtQqhE94qglHqOzn1D1stg";

    private static List<SecretFinding> scan(String path, String text) {
        return SCANNER.scan(path, text.getBytes(StandardCharsets.UTF_8)).findings();
    }

    @Test
    void masksEverySecretKeepingAtMostFourCharacters() {
        List<SecretFinding> found = scan("a.sh", "export GH=" + GITHUB + "\n");
        assertEquals(1, found.size());
        SecretFinding f = found.get(0);
        assertEquals("secret.github-personal-access-token", f.ruleId());
        assertEquals("ghp_" + "*".repeat(32), f.masked());
        assertFalse(f.toString().contains(GITHUB.substring(4, 12)), "raw secret leaked: " + f);
        assertEquals("s*****", SecretMask.mask("secret"));
        assertEquals("***", SecretMask.mask("abc"));
        assertEquals(36, SecretMask.mask("x".repeat(5000)).length());
    }

    @Test
    void reportsLineNumbersOfTheSecret() {
        String text = "line one\nline two\n\nKEY=" + GITHUB + "\nmore\n-----BEGIN RSA PRIVATE KEY-----\n"
                + "MIIEogIBAAKCAQEAoy1XXuVAQpqHbQE05mkhrNg/124F/2K9OanizZTZUUhK08U8\n-----END RSA PRIVATE KEY-----\n";
        List<SecretFinding> found = scan("notes.txt", text);
        assertEquals(List.of("secret.github-personal-access-token", "secret.private-key"),
                found.stream().map(SecretFinding::ruleId).toList());
        assertEquals(4, found.get(0).location().startLine());
        assertEquals(7, found.get(1).location().startLine());
        assertEquals("notes.txt", found.get(0).location().path());
    }

    @Test
    void placeholdersAndTemplatesAreAllowlisted() {
        assertEquals(List.of(), scan("a.py", "password = \"XXXXXXXXXX\"\npassword = \"${DB_PASSWORD}\"\n"
                + "password = \"<your-password>\"\npassword = \"example-pass\"\n"));
        assertEquals(List.of(), scan("a.txt", "AKIAIOSFODNN7EXAMPLE\n"));
        assertEquals(1, scan("a.py", "password = \"hunter2-real\"\n").size());
    }

    @Test
    void pathScopedRulesRunOnlyOnTheirFiles() {
        String line = "DB_PASSWORD=s3cr3tValue\n";
        assertEquals(List.of("secret.password-in-config-file"),
                scan("app/.env", line).stream().map(SecretFinding::ruleId).toList());
        assertEquals(List.of(), scan("app/run.py", line));
        assertEquals(List.of(), scan("app/.env", "DB_PASSWORD=${DB_PASSWORD}\n"));
        assertEquals(List.of(), scan("etc/nsswitch.conf", "passwd:         files\nshadow:  files\n"));
    }

    @Test
    void theHostsOwnConfigurationFilesHoldNoFalsePositives() throws Exception {
        for (String f : List.of("/etc/nsswitch.conf", "/etc/login.defs", "/etc/adduser.conf", "/etc/pam.conf")) {
            java.nio.file.Path p = java.nio.file.Path.of(f);
            if (java.nio.file.Files.isReadable(p)) {
                assertEquals(List.of(), SCANNER.scan(f.substring(1), java.nio.file.Files.readAllBytes(p)).findings(),
                        f);
            }
        }
    }

    @Test
    void binaryFilesAreSkipped() {
        byte[] data = ("\0\0ELF" + GITHUB).getBytes(StandardCharsets.ISO_8859_1);
        SecretScanner.FileResult r = SCANNER.scan("bin/tool", data);
        assertEquals(SecretScanner.Outcome.BINARY, r.outcome());
        assertEquals(List.of(), r.findings());
    }

    @Test
    void filesOverTheLimitAreNotReadWhole() throws Exception {
        SecretScanner small = new SecretScanner(SecretRuleSet.builtIn(), new SecretScanner.Limits(1024, 1 << 20, 10));
        byte[] big = ("x".repeat(2000) + GITHUB).getBytes(StandardCharsets.US_ASCII);
        assertEquals(SecretScanner.Outcome.TOO_LARGE, small.scan("big.txt", big).outcome());
        ByteArrayInputStream in = new ByteArrayInputStream(big);
        assertEquals(SecretScanner.Outcome.TOO_LARGE, small.scan("big.txt", in, big.length).outcome());
        assertEquals(big.length - SecretScanner.BINARY_PROBE, in.available(), "read more than the probe");
        assertEquals(1, small.scan("ok.txt", new ByteArrayInputStream(GITHUB.getBytes()), GITHUB.length())
                .findings().size());
    }

    @Test
    void findingsPerFileAreCapped() {
        SecretScanner capped = new SecretScanner(SecretRuleSet.builtIn(), new SecretScanner.Limits(1 << 20, 1 << 20, 3));
        String text = (GITHUB + "\n").repeat(10);
        SecretScanner.FileResult r = capped.scan("many.txt", text.getBytes(StandardCharsets.US_ASCII));
        assertEquals(3, r.findings().size());
        assertEquals("secret.too-many-findings", r.warnings().get(0).code());
    }

    @Test
    void pathologicalInputFinishesFast() {
        byte[] as = new byte[5 << 20];
        Arrays.fill(as, (byte) 'a');
        byte[] keywords = "password=\"".repeat((5 << 20) / 10).getBytes(StandardCharsets.US_ASCII);
        byte[] mixed = "passwordpassword".repeat((5 << 20) / 16).getBytes(StandardCharsets.US_ASCII);
        byte[] lines = "user = 'a'\npass = 'b".repeat((4 << 20) / 20).getBytes(StandardCharsets.US_ASCII);
        byte[] tokens = "xoxb-1234567890-".repeat((5 << 20) / 16).getBytes(StandardCharsets.US_ASCII);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (byte[] data : List.of(as, keywords, mixed, lines, tokens)) {
                long t0 = System.nanoTime();
                SecretScanner.FileResult r = SCANNER.scan("evil.txt", data);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(SecretScanner.Outcome.SCANNED, r.outcome());
                assertTrue(ms < 5000, "took " + ms + " ms on " + new String(data, 0, 16));
            }
        });
    }

    @Test
    void aCostlyUserRuleIsStoppedByItsBudget() {
        String rules = """
                rules:
                  - id: secret.evil
                    title: Evil
                    severity: low
                    keywords: [aaa]
                    regex: '(a|aa)+b'
                """;
        SecretRuleSet set = SecretRuleSet.of(rules.getBytes(StandardCharsets.UTF_8), null, null);
        SecretScanner evil = new SecretScanner(set);
        byte[] data = "a".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        SecretScanner.FileResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> evil.scan("x.txt", data));
        assertEquals(List.of(), r.findings());
        assertEquals("secret.regex-budget", r.warnings().get(0).code());
    }
}
