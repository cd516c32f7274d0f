package dev.bulwark.engine.policy.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** CEL's view of Java values: type names, input normalisation, heterogeneous equality and ordering. */
final class Values {
    private Values() {
    }

    /**
     * Maps the Java types a decoded document may hold onto CEL's: Integer and friends to Long, Float and BigDecimal
     * to Double, OffsetDateTime to Instant. Lists and maps are kept as they are and normalised element by element.
     */
    static Object of(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Double
                || v instanceof List || v instanceof Map || v instanceof CelUint || v instanceof CelBytes
                || v instanceof Instant || v instanceof Duration || v instanceof CelType) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.signum() > 0 && b.bitLength() == 64
                    ? new CelUint(b.longValue()) : b.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof Character || v instanceof Enum<?>) {
            return v.toString();
        }
        if (v instanceof byte[] b) {
            return new CelBytes(b);
        }
        throw new EvalError("unsupported value type " + v.getClass().getSimpleName());
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null_type";
        }
        return switch (v) {
            case Long l -> "int";
            case CelUint u -> "uint";
            case Double d -> "double";
            case String s -> "string";
            case Boolean b -> "bool";
            case CelBytes b -> "bytes";
            case List<?> l -> "list";
            case Map<?, ?> m -> "map";
            case Instant t -> "google.protobuf.Timestamp";
            case Duration d -> "google.protobuf.Duration";
            case CelType t -> "type";
            default -> of(v) == v ? v.getClass().getSimpleName() : typeName(of(v));
        };
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof CelUint || v instanceof Double;
    }

    /** Compares two numbers of any CEL numeric type exactly (no rounding of large ints through double). */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            // CEL compares a double with an int or uint as doubles (cel-spec comparisons/bound).
            double x = asDouble(a);
            double y = asDouble(b);
            return x < y ? -1 : x > y ? 1 : 0;
        }
        return exact(a).compareTo(exact(b));
    }

    private static double asDouble(Object n) {
        return n instanceof Double d ? d : n instanceof Long l ? (double) l
                : new BigDecimal(Long.toUnsignedString(((CelUint) n).bits())).doubleValue();
    }

    private static BigInteger exact(Object n) {
        return n instanceof CelUint u ? new BigInteger(Long.toUnsignedString(u.bits())) : BigInteger.valueOf((Long) n);
    }

    static boolean equal(Object a, Object b, Budget budget) {
        budget.spend(1);
        a = of(a);
        b = of(b);
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            if ((a instanceof Double x && x.isNaN()) || (b instanceof Double y && y.isNaN())) {
                return false;
            }
            return compareNumbers(a, b) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            boolean same = true;
            while (i.hasNext()) {
                same &= equal(i.next(), j.next(), budget);
            }
            return same;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object key = of(e.getKey());
                if (!MapKeys.contains(y, key) || !equal(e.getValue(), MapKeys.get(y, key), budget)) {
                    return false;
                }
            }
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** CEL ordering for {@code < <= > >=}: numbers across types, strings, bytes, bools, timestamps, durations. */
    static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if ((a instanceof Double x && x.isNaN()) || (b instanceof Double y && y.isNaN())) {
                return Integer.MIN_VALUE;
            }
            return compareNumbers(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof CelBytes x && b instanceof CelBytes y) {
            return java.util.Arrays.compareUnsigned(x.data(), y.data());
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return x.compareTo(y);
        }
        throw EvalError.noOverload(op, a, b);
    }

    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
