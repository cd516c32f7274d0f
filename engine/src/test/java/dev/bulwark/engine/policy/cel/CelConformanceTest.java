package dev.bulwark.engine.policy.cel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cel-spec conformance cases (tests/simple/testdata, cel-spec v0.25.1, see the fixture README) for the
 * sections the policy subset covers. Cases that need protobuf messages, containers or a type checker are skipped by
 * rule; the few remaining known gaps are listed with their reason in known-gaps.txt.
 */
class CelConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String file, String section, JsonNode test) {
        String id() {
            return file + "/" + section + "/" + test.path("name").asText();
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = CelConformanceTest.class.getResourceAsStream("/policy/cel-spec/simple-tests.json")) {
            for (JsonNode file : JSON.readTree(in)) {
                for (JsonNode section : file.path("section")) {
                    for (JsonNode test : section.path("test")) {
                        out.add(new Case(file.path("name").asText(), section.path("name").asText(), test));
                    }
                }
            }
        }
        return out;
    }

    static Map<String, String> knownGaps() throws IOException {
        Map<String, String> gaps = new HashMap<>();
        try (InputStream in = CelConformanceTest.class.getResourceAsStream("/policy/cel-spec/known-gaps.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int colon = line.indexOf(' ');
                    gaps.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        return gaps;
    }

    /** Why a case is outside the subset (protobuf messages, containers, typed declarations), or null. */
    static String outOfScope(Case c) {
        String text = c.test().toString();
        String expr = c.test().path("expr").asText();
        if (text.contains("objectValue") || c.test().has("container") || expr.contains("google.protobuf") || expr.contains("TestAllTypes")
                || expr.matches("(?s).*[A-Za-z]\\s*\\{.*")) {
            return "needs protobuf messages or a container";
        }
        for (JsonNode decl : c.test().path("typeEnv")) {
            if (decl.has("function") || decl.path("ident").path("type").has("messageType")) {
                return "needs typed declarations";
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        Map<String, String> gaps = knownGaps();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String scope = outOfScope(c);
            Assumptions.assumeTrue(scope == null, scope);
            Assumptions.assumeFalse(gaps.containsKey(c.id()), () -> "known gap: " + gaps.get(c.id()));
            run(c);
        }));
    }

    @Test
    void theSubsetCoversMostOfTheChosenSections() throws IOException {
        Map<String, String> gaps = knownGaps();
        List<Case> all = cases();
        long run = all.stream().filter(c -> outOfScope(c) == null && !gaps.containsKey(c.id())).count();
        assertTrue(all.size() > 1000, "fixture has " + all.size() + " cases");
        assertTrue(run >= 0.85 * all.size(), "only " + run + " of " + all.size() + " cases run");
        for (String id : gaps.keySet()) {
            assertTrue(all.stream().anyMatch(c -> c.id().equals(id)), "known gap names no case: " + id);
        }
    }

    private static void run(Case c) {
        JsonNode t = c.test();
        String expr = t.path("expr").asText();
        Map<String, Object> vars = new LinkedHashMap<>();
        t.path("bindings").fields().forEachRemaining(e -> vars.put(e.getKey(), value(e.getValue().path("value"))));
        Object actual;
        try {
            actual = CelProgram.compile(expr).evaluate(vars);
        } catch (CelException | CelEvaluationException e) {
            if (t.has("evalError")) {
                return;
            }
            fail(expr + " failed: " + e.getMessage());
            return;
        }
        if (t.has("evalError")) {
            fail(expr + " should fail (" + t.path("evalError") + ") but gave " + actual);
        }
        Object expected = t.has("value") ? value(t.path("value")) : Boolean.TRUE;
        if (!same(expected, actual)) {
            fail(expr + ": expected " + expected + " but was " + actual + " (" + Values.typeName(actual) + ")");
        }
    }

    static Object value(JsonNode v) {
        if (v.has("int64Value")) {
            return Long.parseLong(v.get("int64Value").asText());
        }
        if (v.has("uint64Value")) {
            return new CelUint(Long.parseUnsignedLong(v.get("uint64Value").asText()));
        }
        if (v.has("doubleValue")) {
            JsonNode d = v.get("doubleValue");
            return d.isNumber() ? d.asDouble() : switch (d.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(d.asText());
            };
        }
        if (v.has("stringValue")) {
            return v.get("stringValue").asText();
        }
        if (v.has("bytesValue")) {
            return new CelBytes(Base64.getDecoder().decode(v.get("bytesValue").asText()));
        }
        if (v.has("boolValue")) {
            return v.get("boolValue").asBoolean();
        }
        if (v.has("nullValue")) {
            return null;
        }
        if (v.has("typeValue")) {
            String name = v.get("typeValue").asText();
            return new CelType(name);
        }
        if (v.has("listValue")) {
            List<Object> out = new ArrayList<>();
            v.get("listValue").path("values").forEach(x -> out.add(value(x)));
            return out;
        }
        if (v.has("mapValue")) {
            Map<Object, Object> out = new LinkedHashMap<>();
            v.get("mapValue").path("entries").forEach(e -> out.put(value(e.path("key")), value(e.path("value"))));
            return out;
        }
        throw new IllegalArgumentException("unsupported expected value " + v);
    }

    /** Strict equality: an int is not a uint, NaN equals NaN. */
    static boolean same(Object expected, Object actual) {
        if (expected instanceof Double x && actual instanceof Double y) {
            return x.isNaN() ? y.isNaN() : x.doubleValue() == y.doubleValue();
        }
        if (expected instanceof List<?> x && actual instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), Values.of(y.get(i)))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map<?, ?> x && actual instanceof Map<?, ?> y) {
            return x.size() == y.size() && x.entrySet().stream()
                    .allMatch(e -> y.containsKey(e.getKey()) && same(e.getValue(), Values.of(y.get(e.getKey()))));
        }
        return Objects.equals(expected, actual);
    }
}
