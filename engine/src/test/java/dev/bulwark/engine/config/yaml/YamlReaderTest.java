package dev.bulwark.engine.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static YamlStream read(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new YamlReader().read("x.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertOneWarning(YamlStream stream, String contains) {
        assertEquals(1, stream.warnings().size(), stream.warnings().toString());
        assertTrue(stream.warnings().getFirst().contains(contains), stream.warnings().getFirst());
        assertTrue(stream.warnings().getFirst().startsWith("x.yaml: "), stream.warnings().getFirst());
        assertTrue(!stream.warnings().getFirst().contains("\n"));
    }

    @Test
    void readsDocumentsWithLinesAndHelmSources() {
        YamlStream stream = read("""
                ---
                # Source: web/templates/service.yaml
                apiVersion: v1
                kind: Service
                ---
                # Source: web/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 0x10
                  paused: yes
                ---
                kind: Other
                """);
        assertEquals(List.of(), stream.warnings());
        assertEquals(3, stream.documents().size());
        YamlDocument deployment = stream.documents().get(1);
        assertEquals("web/templates/service.yaml", stream.documents().get(0).origin());
        assertEquals("web/templates/deployment.yaml", deployment.origin());
        assertEquals(null, stream.documents().get(2).origin());
        assertEquals(7, deployment.startLine());
        assertEquals(11, deployment.endLine());
        Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) deployment.root()).get("spec");
        assertEquals(16L, spec.get("replicas"));
        assertEquals(Boolean.TRUE, spec.get("paused"));
        assertEquals(new LineSpan(10, 11), deployment.linesOf(spec));
    }

    @Test
    void readsJsonWithTabsAndMergeKeys() {
        YamlStream json = read("{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\"\n}\n");
        assertEquals(List.of(), json.warnings());
        assertEquals("Pod", ((Map<?, ?>) json.documents().getFirst().root()).get("kind"));
        YamlStream merged = read("base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n");
        Map<?, ?> derived = (Map<?, ?>) ((Map<?, ?>) merged.documents().getFirst().root()).get("derived");
        assertEquals(Map.of("a", 1L, "b", 3L), derived);
    }

    @Test
    void billionLaughsIsAWarningNotAnOutOfMemory() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        assertOneWarning(read(bomb.toString()), "alias");
    }

    @Test
    void widerAliasBombWithinTheParserLimitIsStoppedByTheNodeBudget() {
        // 9 levels of 2 aliases each: well under the parser's alias limit, yet 2^9 expansion per level compounds.
        StringBuilder bomb = new StringBuilder("l0: &l0 [" + "x,".repeat(999) + "x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        assertOneWarning(read(bomb.toString()), "more than 2000000 nodes");
    }

    @Test
    void deepNestingIsAWarning() {
        assertOneWarning(read("[".repeat(100_000) + "]".repeat(100_000)), "Nesting Depth");
        assertOneWarning(read("a:\n" + "  b:\n".repeat(0) + nestedMaps(150)), "Nesting Depth");
    }

    @Test
    void recursiveAliasIsAWarning() {
        YamlStream stream = read("a: &a\n  self: *a\n");
        assertEquals(1, stream.warnings().size(), stream.warnings().toString());
    }

    @Test
    void tooManyDocumentsAreCountedAndSkipped() {
        YamlStream stream = new YamlReader(new YamlReader.Limits(1 << 20, 5, 1000, 50, 10))
                .read("x.yaml", "---\na: 1\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        assertEquals(5, stream.documents().size());
        assertOneWarning(stream, "more than 5 YAML documents");
    }

    @Test
    void oversizedFileIsAWarning() {
        YamlStream stream = new YamlReader(new YamlReader.Limits(100, 5, 1000, 50, 10))
                .read("x.yaml", "a: b\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertOneWarning(stream, "over the limit of 100 bytes");
    }

    @Test
    void binaryAndMalformedInputAreWarnings() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        YamlStream binary = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new YamlReader().read("x.yaml", noise));
        assertOneWarning(binary, "not valid YAML");
        YamlStream broken = read("apiVersion: v1\nkind: Pod\n---\nkey: [unclosed\n");
        assertEquals(1, broken.documents().size(), "the document before the error is kept");
        assertOneWarning(broken, "not valid YAML");
    }

    private static String nestedMaps(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        return s.append("  ".repeat(depth + 1)).append("v\n").toString();
    }
}
