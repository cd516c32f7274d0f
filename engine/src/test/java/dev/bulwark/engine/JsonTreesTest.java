package dev.bulwark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * content after the value, nothing at all, nesting beyond the parser's bound).
 */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private static JsonNode ours(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return JsonTrees.readDocument(p);
        }
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
        assertThrows(JsonProcessingException.class, () -> ours("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        String deep = "[".repeat(2000) + "]".repeat(2000);
        assertThrows(JsonProcessingException.class, () -> ours(deep.getBytes(StandardCharsets.UTF_8)),
                "nesting beyond the parser's default bound of 1,000 fails in the parser, not the stack");
    }

    @Test
    void leavesTheParserOnTheValuesLastToken() throws IOException {
        try (JsonParser p = FACTORY.createParser("{\"x\":{\"y\":[1]},\"z\":2}")) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            assertEquals(JsonToken.FIELD_NAME, p.nextToken());
            p.nextToken();
            assertEquals(MAPPER.readTree("{\"y\":[1]}"), JsonTrees.read(p));
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            assertEquals(JsonToken.FIELD_NAME, p.nextToken());
            assertEquals("z", p.currentName());
        }
    }
}
