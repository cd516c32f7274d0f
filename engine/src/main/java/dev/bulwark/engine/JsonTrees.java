package dev.bulwark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * JSON trees read from a {@link JsonScanner}, as {@code ObjectMapper.readTree} builds them (same node types, the last
 * of duplicate names kept in the first one's place) but without an {@code ObjectMapper}: setting one up costs a fresh
 * JVM 60–80 ms, as much as the whole of a warm image rescan's scan, and a few small manifests or thousands of
 * {@code package.json} files need none of what it sets up. One loop with an explicit stack of the open containers
 * rather than a recursive descent; nesting is bounded by the scanner's limits, so that stack is too.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The value that starts at the scanner's current token; the scanner is left on that value's last token. */
    public static JsonNode read(JsonScanner json) throws IOException {
        JsonNode root = node(json, json.current());
        ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
        if (root.isContainerNode()) {
            open.push((ContainerNode<?>) root);
        }
        String name = null;
        while (!open.isEmpty()) {
            JsonScanner.Token t = json.next();
            if (t == null) {
                throw json.malformed("unexpected end of input");
            }
            if (t == JsonScanner.Token.NAME) {
                name = json.text();
            } else if (t == JsonScanner.Token.END_OBJECT || t == JsonScanner.Token.END_ARRAY) {
                open.pop();
            } else {
                JsonNode value = node(json, t);
                if (open.peek() instanceof ObjectNode o) {
                    o.set(name, value);
                } else {
                    ((ArrayNode) open.peek()).add(value);
                }
                if (value.isContainerNode()) {
                    open.push((ContainerNode<?>) value);
                }
            }
        }
        return root;
    }

    /** The node for a value's first token: an empty container, or the whole scalar. */
    private static JsonNode node(JsonScanner json, JsonScanner.Token t) throws IOException {
        if (t == null) {
            throw json.malformed("no value");
        }
        return switch (t) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            case STRING -> NODES.textNode(json.text());
            case NUMBER -> number(json.text());
            case TRUE -> NODES.booleanNode(true);
            case FALSE -> NODES.booleanNode(false);
            case NULL -> NODES.nullNode();
            default -> throw json.malformed("a value cannot start with " + t);
        };
    }

    /** A number as Jackson's tree holds it: int, long or BigInteger by size, double with a fraction or exponent. */
    private static JsonNode number(String literal) {
        if (literal.indexOf('.') >= 0 || literal.indexOf('e') >= 0 || literal.indexOf('E') >= 0) {
            return NODES.numberNode(Double.parseDouble(literal));
        }
        BigInteger v = new BigInteger(literal);
        if (v.bitLength() < 32) {
            return NODES.numberNode(v.intValue());
        }
        return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
    }
}
