package dev.bulwark.engine.config.kubernetes;

import java.util.List;
import java.util.Map;

/** Typed reads from a decoded Kubernetes object, where any field may be missing, null or of the wrong type. */
final class Fields {

    private Fields() {
    }

    /** The map at {@code path} under {@code node}, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The list at {@code path}, or an empty list. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The scalar at {@code path} as text, or null. */
    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    /** The boolean at {@code path}, or null when missing or not a boolean. */
    static Boolean bool(Object node, String... path) {
        return at(node, path) instanceof Boolean b ? b : null;
    }

    /** The whole number at {@code path}, or null. */
    static Long number(Object node, String... path) {
        Object value = at(node, path);
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static boolean present(Object node, String... path) {
        return at(node, path) != null;
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** Every element of {@code items} that is a map. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(List<Object> items) {
        return items.stream().filter(Map.class::isInstance).map(i -> (Map<String, Object>) i).toList();
    }
}
