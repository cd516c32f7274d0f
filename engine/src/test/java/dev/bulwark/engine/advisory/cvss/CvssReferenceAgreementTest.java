package dev.bulwark.engine.advisory.cvss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our scores against two real implementations (see {@link ReferenceCvss}) on every CVSS vector in the shared OSV data
 * and on seeded random valid vectors of every version.
 */
class CvssReferenceAgreementTest {
    private static final int RANDOM_PER_VERSION = 3000;

    @Test
    void everyOsvVectorScoresAsTheReferencesDo() throws IOException {
        List<String> vectors = new ArrayList<>(osvVectors());
        assertTrue(vectors.size() > 150, "expected the shared OSV data to hold CVSS vectors, found " + vectors.size());
        ReferenceComparison comparison = ReferenceComparison.of(vectors, ReferenceCvss.score(vectors));
        System.out.println("CVSS vectors in shared OSV data: " + comparison.report());
        assertEquals(0, comparison.disagreements("", "ae"), comparison.report());
        assertEquals(0, comparison.disagreements("", "pj"), comparison.report());
        assertTrue(comparison.agreements("v4 score vs pj") > 20, comparison.report());
        assertTrue(comparison.agreements("v3 score vs ae") > 100, comparison.report());
    }

    @Test
    void randomVectorsOfEveryVersionScoreAsTheReferencesDo() {
        Random random = new Random(20261124L);
        List<String> vectors = new ArrayList<>();
        for (int i = 0; i < RANDOM_PER_VERSION; i++) {
            vectors.add(RandomVectors.v2(random));
            vectors.add(RandomVectors.v3(random, "CVSS:3.0/"));
            vectors.add(RandomVectors.v3(random, "CVSS:3.1/"));
            vectors.add(RandomVectors.v4(random));
        }
        ReferenceComparison comparison = ReferenceComparison.of(vectors, ReferenceCvss.score(vectors));
        System.out.println("Random CVSS vectors: " + comparison.report());
        assertEquals(0, comparison.disagreements("", "ae"), comparison.report());
        assertEquals(0, comparison.disagreements("", "pj"), comparison.report());
        assertEquals(RANDOM_PER_VERSION, comparison.agreements("v4 score vs ae"), comparison.report());
        assertTrue(comparison.agreements("v4 score vs pj") > RANDOM_PER_VERSION * 0.95, comparison.report());
    }

    @Test
    void vectorsWeRejectAreRejectedByJsCvssToo() {
        List<String> malformed = CvssVectorTest.MALFORMED.stream().map(m -> m[0])
                .filter(v -> !v.isBlank() && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).toList();
        assertTrue(malformed.size() > 15);
        List<JsonNode> verdicts = ReferenceCvss.score(malformed);
        for (int i = 0; i < malformed.size(); i++) {
            assertTrue(verdicts.get(i).get("pj").has("error"), "js-cvss accepted " + malformed.get(i) + ": " + verdicts.get(i));
        }
    }

    @Test
    void ratingScaleIsTheReferenceOne() {
        List<String> lines = new ArrayList<>();
        for (int tenths = 0; tenths <= 100; tenths++) {
            lines.add("RATING " + tenths / 10.0);
        }
        List<JsonNode> ratings = ReferenceCvss.score(lines);
        for (int tenths = 0; tenths <= 100; tenths++) {
            double score = tenths / 10.0;
            assertEquals(ratings.get(tenths).get("v31").asText(), CvssRating.ofScore(score).name(), "v3.1 rating of " + score);
            assertEquals(ratings.get(tenths).get("v40").asText(), CvssRating.ofScore(score).name(), "v4.0 rating of " + score);
        }
    }

    /** Every distinct vector in a {@code severity} array of the shared OSV advisories, top level or per package. */
    static TreeSet<String> osvVectors() throws IOException {
        ObjectMapper json = new ObjectMapper();
        TreeSet<String> vectors = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Fixtures.sharedData().resolve("osv"))) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                JsonNode advisory = json.readTree(file.toFile());
                collect(advisory.path("severity"), vectors);
                for (JsonNode affected : advisory.path("affected")) {
                    collect(affected.path("severity"), vectors);
                }
            }
        }
        return vectors;
    }

    private static void collect(JsonNode severities, TreeSet<String> into) {
        for (JsonNode severity : severities) {
            if (severity.path("type").asText().startsWith("CVSS_")) {
                into.add(severity.path("score").asText());
            }
        }
    }

    /** Random valid vectors: all base metrics, each optional metric with some chance, any defined value. */
    static final class RandomVectors {
        private static final String[][] V2 = {
            {"AV", "L", "A", "N"}, {"AC", "H", "M", "L"}, {"Au", "M", "S", "N"},
            {"C", "N", "P", "C"}, {"I", "N", "P", "C"}, {"A", "N", "P", "C"}};
        private static final String[][] V2_OPTIONAL = {
            {"E", "U", "POC", "F", "H", "ND"}, {"RL", "OF", "TF", "W", "U", "ND"}, {"RC", "UC", "UR", "C", "ND"},
            {"CDP", "N", "L", "LM", "MH", "H", "ND"}, {"TD", "N", "L", "M", "H", "ND"},
            {"CR", "L", "M", "H", "ND"}, {"IR", "L", "M", "H", "ND"}, {"AR", "L", "M", "H", "ND"}};
        private static final String[][] V3 = {
            {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"}, {"UI", "N", "R"}, {"S", "U", "C"},
            {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
        private static final String[][] V3_OPTIONAL = {
            {"E", "X", "H", "F", "P", "U"}, {"RL", "X", "U", "W", "T", "O"}, {"RC", "X", "C", "R", "U"},
            {"CR", "X", "H", "M", "L"}, {"IR", "X", "H", "M", "L"}, {"AR", "X", "H", "M", "L"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MPR", "X", "N", "L", "H"},
            {"MUI", "X", "N", "R"}, {"MS", "X", "U", "C"},
            {"MC", "X", "H", "L", "N"}, {"MI", "X", "H", "L", "N"}, {"MA", "X", "H", "L", "N"}};
        private static final String[][] V4 = {
            {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"}, {"PR", "N", "L", "H"},
            {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"}, {"VA", "H", "L", "N"},
            {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}};
        private static final String[][] V4_OPTIONAL = {
            {"E", "X", "A", "P", "U"}, {"CR", "X", "H", "M", "L"}, {"IR", "X", "H", "M", "L"},
            {"AR", "X", "H", "M", "L"}, {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"},
            {"MAT", "X", "N", "P"}, {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "P", "A"},
            {"MVC", "X", "H", "L", "N"}, {"MVI", "X", "H", "L", "N"}, {"MVA", "X", "H", "L", "N"},
            {"MSC", "X", "H", "L", "N"}, {"MSI", "X", "S", "H", "L", "N"}, {"MSA", "X", "S", "H", "L", "N"},
            {"S", "X", "N", "P"}, {"AU", "X", "N", "Y"}, {"R", "X", "A", "U", "I"}, {"V", "X", "D", "C"},
            {"RE", "X", "L", "M", "H"}, {"U", "X", "Clear", "Green", "Amber", "Red"}};

        /**
         * v2 in the guide's order, each optional group (temporal, environmental) whole or absent, as the v2 guide
         * writes vectors and js-cvss demands.
         */
        static String v2(Random random) {
            List<String> parts = pick(random, V2, new String[0][], 0, 0);
            if (random.nextBoolean()) {
                parts.addAll(pick(random, Arrays.copyOfRange(V2_OPTIONAL, 0, 3), new String[0][], 0, 0));
            }
            if (random.nextBoolean()) {
                parts.addAll(pick(random, Arrays.copyOfRange(V2_OPTIONAL, 3, 8), new String[0][], 0, 0));
            }
            return String.join("/", parts);
        }

        static String v3(Random random, String prefix) {
            return prefix + String.join("/", pick(random, V3, V3_OPTIONAL, 0.3, 0.2));
        }

        /** v4 keeps the specification's order: js-cvss (rightly, by the letter of the spec) refuses any other. */
        static String v4(Random random) {
            return "CVSS:4.0/" + String.join("/", pick(random, V4, V4_OPTIONAL, 0.3, 0.0));
        }

        private static List<String> pick(Random random, String[][] base, String[][] optional, double chance, double shuffle) {
            List<String> parts = new ArrayList<>();
            for (String[] metric : base) {
                parts.add(metric[0] + ":" + metric[1 + random.nextInt(metric.length - 1)]);
            }
            for (String[] metric : optional) {
                if (random.nextDouble() < chance) {
                    parts.add(metric[0] + ":" + metric[1 + random.nextInt(metric.length - 1)]);
                }
            }
            if (random.nextDouble() < shuffle) {
                Collections.shuffle(parts, random);
            }
            return parts;
        }
    }
}
