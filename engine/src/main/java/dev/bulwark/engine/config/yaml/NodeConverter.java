package dev.bulwark.engine.config.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns SnakeYAML nodes into plain maps, lists and scalars. Aliases are expanded, so every built node counts against
 * a budget shared by the whole stream: that, not the parser's alias count alone, is what stops a billion laughs.
 */
final class NodeConverter {

    /** A stream that would build more nodes, or nest deeper, than allowed. */
    static final class TooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooBig(String message) {
            super(message, null, false, false);
        }
    }

    private final int maxNodes;
    private final int maxDepth;
    private int built;

    NodeConverter(int maxNodes, int maxDepth) {
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
    }

    Object convert(Node node, Map<Object, LineSpan> spans) {
        return convert(node, spans, 0);
    }

    private Object convert(Node node, Map<Object, LineSpan> spans, int depth) {
        if (++built > maxNodes) {
            throw new TooBig("YAML expands to more than " + maxNodes + " nodes (alias bomb?)");
        }
        if (depth > maxDepth) {
            throw new TooBig("YAML nests deeper than " + maxDepth + " levels (recursive alias?)");
        }
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar);
            case SequenceNode sequence -> {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    list.add(convert(item, spans, depth + 1));
                }
                spans.put(list, span(node));
                yield list;
            }
            case MappingNode mapping -> {
                Map<String, Object> map = new LinkedHashMap<>();
                List<Node> merges = new ArrayList<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node key = tuple.getKeyNode();
                    if (Tag.MERGE.equals(key.getTag())) {
                        merges.add(tuple.getValueNode());
                        continue;
                    }
                    String name = key instanceof ScalarNode s ? s.getValue() : "?";
                    map.put(name, convert(tuple.getValueNode(), spans, depth + 1));
                }
                for (Node merge : merges) {
                    merge(map, convert(merge, spans, depth + 1));
                }
                spans.put(map, span(node));
                yield map;
            }
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Object merged) {
        if (merged instanceof Map<?, ?> source) {
            ((Map<String, Object>) source).forEach(into::putIfAbsent);
        } else if (merged instanceof List<?> sources) {
            for (Object source : sources) {
                merge(into, source);
            }
        }
    }

    private static LineSpan span(Node node) {
        int start = node.getStartMark().getLine() + 1;
        return new LineSpan(start, YamlReader.endLine(node.getEndMark(), start));
    }

    private static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (Tag.INT.equals(tag)) {
            Long number = parseInt(value);
            return number != null ? number : value;
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(value.replace("_", ""));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static Long parseInt(String text) {
        String s = text.replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        try {
            long v;
            if (s.startsWith("0x")) {
                v = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0o")) {
                v = Long.parseLong(s.substring(2), 8);
            } else if (s.startsWith("0b")) {
                v = Long.parseLong(s.substring(2), 2);
            } else if (s.length() > 1 && s.startsWith("0")) {
                v = Long.parseLong(s.substring(1), 8);
            } else {
                v = Long.parseLong(s);
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
