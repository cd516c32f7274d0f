package dev.bulwark.engine.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.finding.SecretFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRuleSetTest {

    @Test
    void builtInRulesAreWellFormed() {
        SecretRuleSet set = SecretRuleSet.builtIn();
        assertTrue(set.rules().size() > 100, "only " + set.rules().size() + " rules");
        Set<String> ids = new HashSet<>();
        for (SecretRule r : set.rules()) {
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
            assertTrue(r.id().startsWith("secret."), r.id());
            for (String k : r.keywords()) {
                assertEquals(k.toLowerCase(java.util.Locale.ROOT), k, r.id());
            }
        }
        assertEquals(set.version(), SecretRuleSet.builtIn().version(), "version must be stable");
    }

    @Test
    void userFileAddsReplacesAndDisablesRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                disable: [secret.github-personal-access-token]
                allowlist: ['^internal-test-']
                rules:
                  - id: secret.acme-token
                    title: ACME Token
                    severity: high
                    keywords: [acme_]
                    regex: '\\b(acme_[a-z0-9]{16})\\b'
                """);
        SecretRuleSet set = SecretRuleSet.withUserFile(file);
        assertNotEquals(SecretRuleSet.builtIn().version(), set.version());
        SecretScanner scanner = new SecretScanner(set);
        List<String> found = scanner.scan("a.txt", ("t = acme_0123456789abcdef\n"
                + "ghp_XIxB7KMNdAr3zqWtQqhE94qglHqOzn1D1stg\npassword = \"internal-test-123\"\n")
                .getBytes(StandardCharsets.UTF_8)).findings().stream().map(SecretFinding::ruleId).toList();
        assertEquals(List.of("secret.acme-token"), found);
    }

    @Test
    void badRuleFilesFailInOneClearLine(@TempDir Path dir) throws Exception {
        assertInvalid(dir, "rules: [{id: secret.x, title: X, severity: high, keywords: [x], regex: '(unclosed'}]",
                "bad regex");
        assertInvalid(dir, "rules: [{id: secret.x, title: X, severity: bad, keywords: [x], regex: 'x'}]",
                "unknown severity");
        assertInvalid(dir, "rules: [{id: secret.x, title: X, severity: low, regex: 'x'}]", "keyword");
        assertInvalid(dir, "rules: [{id: nope, title: X, severity: low, keywords: [x], regex: 'x'}]",
                "secret.<kind-slug>");
        assertInvalid(dir, "rules: {a: [unclosed", "not a valid rule file");
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c]\nrules: []\n";
        Path bombFile = dir.resolve("bomb.yaml");
        Files.writeString(bombFile, bomb);
        // Jackson does not expand aliases, so the bomb is inert: it must load fast, with no rules added.
        SecretRuleSet loaded = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> SecretRuleSet.withUserFile(bombFile));
        assertEquals(SecretRuleSet.builtIn().rules().size(), loaded.rules().size());
        BulwarkException missing = assertThrows(BulwarkException.class,
                () -> SecretRuleSet.withUserFile(dir.resolve("absent.yaml")));
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
    }

    private static void assertInvalid(Path dir, String yaml, String expected) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        BulwarkException e = assertThrows(BulwarkException.class, () -> SecretRuleSet.withUserFile(file));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("secret rules " + file), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }
}
