package dev.bulwark.engine.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules against the shared example corpus: every must_match is found as its kind; a must_not_match is
 * reported by no rule at all, except that a text which is also another kind's must_match (the corpus uses one
 * kind's true positives as the negatives of a neighbouring kind, e.g. Slack bot and legacy bot tokens) may be
 * reported by that other kind's rules, and only by those.
 */
class SecretExamplesTest {
    private static final SecretScanner SCANNER = new SecretScanner(SecretRuleSet.builtIn());

    record Example(String kind, List<String> mustMatch, List<String> mustNotMatch) {
    }

    static List<Example> examples() throws IOException {
        Path file = Fixtures.sharedData().resolve("secrets/secret_examples.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> yes = new ArrayList<>();
            n.get("must_match").forEach(x -> yes.add(x.asText()));
            List<String> no = new ArrayList<>();
            n.get("must_not_match").forEach(x -> no.add(x.asText()));
            out.add(new Example(n.get("kind").asText(), yes, no));
        }
        return out;
    }

    static List<SecretFinding> scan(String text) {
        return SCANNER.scan("example.txt", text.getBytes(StandardCharsets.UTF_8)).findings();
    }

    @Test
    void everyMustMatchIsFoundAsItsKind() throws IOException {
        List<String> missed = new ArrayList<>();
        int count = 0;
        Set<String> titles = SecretRuleSet.builtIn().rules().stream().map(SecretRule::title)
                .collect(Collectors.toSet());
        for (Example e : examples()) {
            assertTrue(titles.contains(e.kind()), "no rule titled " + e.kind());
            for (String text : e.mustMatch()) {
                count++;
                List<SecretFinding> found = scan(text);
                if (found.stream().noneMatch(f -> f.title().equals(e.kind()))) {
                    missed.add(e.kind() + " <- " + text.replace("\n", "\\n") + " (found "
                            + found.stream().map(SecretFinding::ruleId).toList() + ")");
                }
            }
        }
        assertTrue(count > 200, "corpus suspiciously small: " + count);
        assertEquals(List.of(), missed, missed.size() + " of " + count + " must_match examples missed");
    }

    @Test
    void noMustNotMatchIsReported() throws IOException {
        List<Example> all = examples();
        Map<String, Set<String>> positiveKinds = new HashMap<>();
        for (Example e : all) {
            for (String text : e.mustMatch()) {
                positiveKinds.computeIfAbsent(text, t -> new HashSet<>()).add(e.kind());
            }
        }
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (Example e : all) {
            for (String text : e.mustNotMatch()) {
                count++;
                Set<String> allowed = positiveKinds.getOrDefault(text, Set.of());
                for (SecretFinding f : scan(text)) {
                    if (!allowed.contains(f.title()) || f.title().equals(e.kind())) {
                        wrong.add(e.kind() + " -> " + f.ruleId() + " on " + text.replace("\n", "\\n"));
                    }
                }
            }
        }
        assertTrue(count >= 75, "corpus suspiciously small: " + count);
        assertEquals(List.of(), wrong, wrong.size() + " false positives in " + count + " must_not_match examples");
    }
}
