package dev.bulwark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The byte-level JSON reader against Jackson, the reference: the same trees for thousands of real documents (the OSV
 * records of ../shared/data), read whole and streamed in chunks of every awkward size; and for malformed documents
 * (hand-written cases of each rule, every truncation and single-byte corruption of real ones) the same verdict,
 * accepted with the same tree or refused.
 */
class JsonScannerTest {
    private static final JsonScanner.Limits LIMITS = new JsonScanner.Limits(200, 1 << 20, 64 << 10, 100);
    private static final JsonFactory JACKSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxNestingDepth(200).maxStringLength(1 << 20).maxNameLength(64 << 10).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JACKSON);

    /** Jackson's tree of the whole document, or null when it refuses it (content after the value included). */
    private static JsonNode jackson(byte[] json) {
        try (JsonParser p = JACKSON.createParser(json)) {
            if (p.nextToken() == null) {
                return MAPPER.nullNode(); // no value at all: the same for both, told apart below
            }
            JsonNode tree = MAPPER.readTree(p);
            return p.nextToken() == null ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode ours(JsonScanner s) {
        try {
            if (s.next() == null) {
                return MAPPER.nullNode();
            }
            JsonNode tree = JsonTrees.read(s);
            return s.next() == null ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode whole(byte[] json) {
        return ours(new JsonScanner(json, json.length, LIMITS));
    }

    /** Read through a stream that hands out {@code chunk} bytes at a time. */
    private static JsonNode streamed(byte[] json, int chunk) {
        InputStream in = new ByteArrayInputStream(json) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        return ours(new JsonScanner(in, LIMITS));
    }

    private static List<Path> osvDocuments() throws IOException {
        try (Stream<Path> s = Files.walk(Fixtures.sharedData().resolve("osv"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void sameTreesAsJacksonOnRealDocuments() throws IOException {
        List<Path> files = osvDocuments();
        assertTrue(files.size() > 1000, files.size() + " documents");
        int chunks = 0;
        for (Path f : files) {
            byte[] json = Files.readAllBytes(f);
            JsonNode expected = jackson(json);
            assertTrue(expected != null && expected.isObject(), f.toString());
            assertEquals(expected, whole(json), f.toString());
            int chunk = 1 + chunks++ % 37; // streamed too, in chunks of 1 to 37 bytes
            assertEquals(expected, streamed(json, chunk), f + " in chunks of " + chunk);
        }
    }

    @Test
    void sameVerdictOnEachRule() {
        List<String> cases = List.of(
                // accepted
                "{}", "[]", "0", "-0", "1.5e-3", "-12.25E+10", "\"\"", "true", "null", " \t\r\n{ } ",
                "{\"a\":1,\"b\":2147483648,\"c\":123456789012345678901234567890,\"d\":1.5e300,\"e\":-0.0}",
                "{\"k\":1,\"k\":{\"x\":[1,2]},\"k\":3}", "[\"\\u00e9\\n\\t\\\\\\/\\\"\\b\\f\\r\",\"\\ud83d\\ude00\"]",
                "[\"\\ud800\"]", "{\"\u00e9t\u00e9\":\"\u65e5\u672c\u0000x\"}".replace("\u0000", "\\u0000"),
                "[1,[2,[3,{\"a\":[]}]]]", "\"\u007f\"", "",
                // refused
                "{", "}", "[", "]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "[,1]", "{,}",
                "[1 2]", "{\"a\":1 \"b\":2}", "{'a':1}", "{a:1}", "[01]", "[-01]", "[1.]", "[.5]", "[-]", "[1e]",
                "[1e+]", "[+1]", "[NaN]", "[Infinity]", "[tru]", "[truex]", "[nul]", "[1x]", "[\"\\x\"]",
                "[\"\\u12\"]", "[\"\\u12G4\"]", "[\"a\nb\"]", "[\"a\tb\"]", "[\"unterminated]", "// c\n{}",
                "{} /* c */", "{}{}", "{} x", "[1]]", "\u00a0{}", "[1,\u000c2]", "\"\\");
        for (String c : cases) {
            byte[] json = c.getBytes(StandardCharsets.UTF_8);
            JsonNode expected = jackson(json);
            assertEquals(expected, whole(json), c);
            assertEquals(expected, streamed(json, 1), c + " (a byte at a time)");
        }
        assertEquals(MAPPER.nullNode(), whole(new byte[0]), "nothing at all is no document, not an error");
        assertNull(whole("{}}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sameVerdictOnEveryTruncationAndCorruptionOfRealDocuments() throws IOException {
        List<Path> files = osvDocuments();
        Random random = new Random(42);
        List<String> disagreements = new ArrayList<>();
        for (Path f : files.subList(0, 40)) {
            byte[] json = Files.readAllBytes(f);
            for (int cut = 0; cut < json.length; cut += 1 + json.length / 300) {
                byte[] part = java.util.Arrays.copyOf(json, cut);
                check(part, f + " cut at " + cut, disagreements);
            }
            for (int i = 0; i < 60; i++) {
                byte[] bad = json.clone();
                int at = random.nextInt(bad.length);
                bad[at] = (byte) NOISE.charAt(random.nextInt(NOISE.length()));
                check(bad, f + " with byte " + at + " replaced", disagreements);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    /** Bytes that matter to JSON's grammar, and a few that do not. */
    private static final String NOISE = "{}[]\",:\\ 0aeE.-+tfn\u0001\t/x";

    private static void check(byte[] json, String what, List<String> disagreements) {
        JsonNode expected = jackson(json);
        if (!java.util.Objects.equals(expected, whole(json)) || !java.util.Objects.equals(expected, streamed(json, 7))) {
            disagreements.add(what + ": Jackson " + (expected == null ? "refuses" : "accepts"));
        }
    }

    @Test
    void limitsAreKept() {
        assertTrue(whole(("[".repeat(200) + "]".repeat(200)).getBytes(StandardCharsets.UTF_8)) != null);
        assertNull(whole(("[".repeat(201) + "]".repeat(201)).getBytes(StandardCharsets.UTF_8)), "201 levels");
        assertNull(whole(("[".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8)), "deep, no stack overflow");
        String longString = "\"" + "a".repeat((1 << 20) + 1) + "\"";
        assertNull(whole(longString.getBytes(StandardCharsets.UTF_8)));
        assertNull(streamed(longString.getBytes(StandardCharsets.UTF_8), 4096));
        assertNull(jackson(longString.getBytes(StandardCharsets.UTF_8)), "Jackson refuses it too");
        String longName = "{\"" + "n".repeat((64 << 10) + 1) + "\":1}";
        assertNull(whole(longName.getBytes(StandardCharsets.UTF_8)));
        assertNull(whole(("[" + "1".repeat(101) + "]").getBytes(StandardCharsets.UTF_8)), "a 101-digit number");
        assertTrue(whole(("[" + "1".repeat(100) + "]").getBytes(StandardCharsets.UTF_8)) != null);
    }

    @Test
    void byteOrderMarkIsSkippedAndBadUtf8BecomesReplacementCharacters() throws IOException {
        byte[] bom = "\uFEFF{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(jackson(bom), whole(bom));
        byte[] bad = {'[', '"', 'a', (byte) 0xff, 'b', (byte) 0xc3, '"', ']'};
        JsonNode tree = whole(bad);
        assertEquals(new String(bad, 2, 4, StandardCharsets.UTF_8), tree.get(0).asText());
        assertEquals("a\uFFFDb\uFFFD", tree.get(0).asText());
    }

    @Test
    void skippingChecksWithoutBuildingAndLeavesTheReaderAfterTheValue() throws IOException {
        byte[] json = "{\"skip\":{\"a\":[1,{\"b\":\"\\u0041\"}],\"c\":\"x\"},\"keep\":\"y\"}".getBytes(
                StandardCharsets.UTF_8);
        JsonScanner s = new JsonScanner(json, json.length, LIMITS);
        assertEquals(JsonScanner.Token.START_OBJECT, s.next());
        assertEquals(JsonScanner.Token.NAME, s.next());
        assertEquals(JsonScanner.Token.START_OBJECT, s.next());
        s.skipChildren();
        assertEquals(JsonScanner.Token.END_OBJECT, s.current());
        assertEquals(JsonScanner.Token.NAME, s.next());
        assertEquals("keep", s.text());
        assertEquals(JsonScanner.Token.STRING, s.next());
        assertEquals("y", s.text());
        assertEquals(JsonScanner.Token.END_OBJECT, s.next());
        assertNull(s.next());
        byte[] broken = "{\"skip\":{\"a\":[1,}]}}".getBytes(StandardCharsets.UTF_8);
        JsonScanner t = new JsonScanner(broken, broken.length, LIMITS);
        t.next();
        t.next();
        t.next();
        JsonScanner.MalformedJsonException e = assertThrows(JsonScanner.MalformedJsonException.class,
                t::skipChildren);
        assertTrue(e.getMessage().endsWith("at byte 16"), e.getMessage());
    }
}
