package dev.bulwark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mapper-free tree reader gives what {@code ObjectMapper.readTree} gives: on every OSV document of
 * ../shared/data/osv (thousands of real, varied JSON files) and on the edge cases (number kinds, duplicate keys,
 * content after the value, nothing at all, nesting beyond the reader's bound).
 */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Jackson's default bounds: 1,000 levels, 20 MB strings, 50,000-character names, 1,000-digit numbers. */
    private static final JsonScanner.Limits LIMITS = new JsonScanner.Limits(1000, 20_000_000, 50_000, 1000);

    private static JsonNode ours(byte[] json) throws IOException {
        JsonScanner s = new JsonScanner(json, json.length, LIMITS);
        return s.next() == null ? null : JsonTrees.read(s);
    }

    @Test
    void sameTreesAsTheMapperOnRealDocuments() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Fixtures.sharedData().resolve("osv"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertTrue(files.size() > 1000, files.size() + " documents");
        for (Path f : files) {
            byte[] json = Files.readAllBytes(f);
            assertEquals(MAPPER.readTree(json), ours(json), f.toString());
        }
    }

    @Test
    void sameTreesOnEdgeCases() throws IOException {
        for (String json : List.of("{\"a\":1,\"b\":2147483648,\"c\":123456789012345678901234567890,\"d\":1.5e300,"
                + "\"e\":-0.0,\"f\":null,\"g\":[true,false,[],{}],\"h\":\"\\u00e9\\n\"}", "{\"k\":1,\"k\":2}",
                "{\"a\":1} trailing garbage", "[1,2,3]", "\"text\"", "42", "null", "{}")) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            JsonNode expected = MAPPER.readTree(bytes);
            JsonNode actual = ours(bytes);
            assertEquals(expected, actual, json);
            assertEquals(expected.getNodeType(), actual.getNodeType(), json);
            if (expected.isObject()) {
                expected.fields().forEachRemaining(e -> assertEquals(e.getValue().getClass(),
                        actual.get(e.getKey()).getClass(), json + " " + e.getKey()));
            }
        }
        assertNull(ours(new byte[0]), "no document");
        assertThrows(JsonScanner.MalformedJsonException.class, () -> ours("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        String deep = "[".repeat(2000) + "]".repeat(2000);
        assertThrows(JsonScanner.MalformedJsonException.class, () -> ours(deep.getBytes(StandardCharsets.UTF_8)),
                "nesting beyond the reader's bound of 1,000 fails in the reader, not the stack");
    }

    @Test
    void leavesTheReaderOnTheValuesLastToken() throws IOException {
        byte[] json = "{\"x\":{\"y\":[1]},\"z\":2}".getBytes(StandardCharsets.UTF_8);
        JsonScanner s = new JsonScanner(json, json.length, LIMITS);
        assertEquals(JsonScanner.Token.START_OBJECT, s.next());
        assertEquals(JsonScanner.Token.NAME, s.next());
        s.next();
        assertEquals(MAPPER.readTree("{\"y\":[1]}"), JsonTrees.read(s));
        assertEquals(JsonScanner.Token.END_OBJECT, s.current());
        assertEquals(JsonScanner.Token.NAME, s.next());
        assertEquals("z", s.text());
    }
}
