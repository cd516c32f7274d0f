package dev.bulwark.engine.policy.cel;

import java.util.Map;

/** Map lookups with CEL's key rules: numeric keys of different types match when their values are equal. */
final class MapKeys {
    private MapKeys() {
    }

    static void checkKeyType(Object key) {
        if (!(key instanceof String || key instanceof Long || key instanceof CelUint || key instanceof Boolean)) {
            throw new EvalError("unsupported key type: " + Values.typeName(key));
        }
    }

    static boolean contains(Map<?, ?> map, Object key) {
        return find(map, key) != Missing.INSTANCE;
    }

    /** The value under {@code key}, or a CEL "no such key" error. */
    static Object get(Map<?, ?> map, Object key) {
        Object v = find(map, key);
        if (v == Missing.INSTANCE) {
            throw new EvalError("no such key: " + key);
        }
        return v;
    }

    private static Object find(Map<?, ?> map, Object key) {
        key = Values.of(key);
        for (Object candidate : candidates(key)) {
            if (map.containsKey(candidate)) {
                return Values.of(map.get(candidate));
            }
        }
        if (key instanceof String || key instanceof Boolean) {
            return Missing.INSTANCE;
        }
        // Maps decoded from documents may hold Integer keys; compare them numerically.
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object k = e.getKey() instanceof Number ? Values.of(e.getKey()) : null;
            if (k != null && Values.isNumber(k) && Values.isNumber(key) && Values.compareNumbers(k, key) == 0) {
                return Values.of(e.getValue());
            }
        }
        return Missing.INSTANCE;
    }

    private static Object[] candidates(Object key) {
        if (key instanceof Long l) {
            return l >= 0 ? new Object[] {l, new CelUint(l)} : new Object[] {l};
        }
        if (key instanceof CelUint u) {
            return u.bits() >= 0 ? new Object[] {u, u.bits()} : new Object[] {u};
        }
        if (key instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                long l = d.longValue();
                return l >= 0 ? new Object[] {l, new CelUint(l)} : new Object[] {l};
            }
            return new Object[0];
        }
        return new Object[] {key};
    }

    private enum Missing { INSTANCE }
}
