package dev.bulwark.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * JSON trees read straight from a streaming parser, as {@code ObjectMapper.readTree} builds them (same node types,
 * the last of duplicate keys kept, content after the first value ignored) but without an {@code ObjectMapper}:
 * setting one up costs a fresh JVM 60–80 ms, as much as the whole of a warm image rescan's scan, and a few small
 * manifests or thousands of {@code package.json} files need none of what it sets up. Nesting is bounded by the
 * parser's own {@code StreamReadConstraints}, so the stack of open containers here is too.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The first value of the parser's input, or null when it has none. */
    public static JsonNode readDocument(JsonParser p) throws IOException {
        return p.nextToken() == null ? null : read(p);
    }

    /**
     * The value that starts at the parser's current token; the parser is left on that value's last token, as
     * {@code JsonParser.readValueAsTree} leaves it. One loop with an explicit stack of the open containers rather
     * than a recursive descent: the compiled form of a recursive reader inlines the parser's large
     * {@code nextToken} once per call site and level, and compiling that cost a 1,500-package {@code node_modules}
     * scan 150 ms of one of its two cores.
     */
    public static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        Builder tree = new Builder(node(p, t));
        while (!tree.done()) {
            t = p.nextToken();
            if (t == JsonToken.FIELD_NAME) {
                tree.name(p.currentName());
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                tree.end();
            } else if (t == null) {
                throw new JsonParseException(p, "unexpected end of input in a JSON value");
            } else {
                tree.value(node(p, t));
            }
        }
        return tree.root();
    }

    /**
     * A tree built from a reader's events, as {@code readTree} builds it: the last of duplicate names kept, in the
     * first one's place. Shared by the readers that build trees without an {@code ObjectMapper}.
     */
    public static final class Builder {
        private final JsonNode root;
        private final ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
        private String name;

        /** @param first the node of the value's first token: an empty container, or the whole scalar */
        public Builder(JsonNode first) {
            this.root = first;
            if (first.isContainerNode()) {
                open.push((ContainerNode<?>) first);
            }
        }

        /** Whether the value is complete: every container it opened is closed. */
        public boolean done() {
            return open.isEmpty();
        }

        public void name(String fieldName) {
            this.name = fieldName;
        }

        /** The innermost open container ended. */
        public void end() {
            open.pop();
        }

        /** A value in the innermost open container (under the last name, in an object); a container is opened. */
        public void value(JsonNode value) {
            if (open.peek() instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) open.peek()).add(value);
            }
            if (value.isContainerNode()) {
                open.push((ContainerNode<?>) value);
            }
        }

        public JsonNode root() {
            return root;
        }
    }

    /** The node for a value's first token: an empty container, or the whole scalar. */
    private static JsonNode node(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(p.getEmbeddedObject());
            default -> throw new JsonParseException(p, "unexpected token " + t);
        };
    }
}
