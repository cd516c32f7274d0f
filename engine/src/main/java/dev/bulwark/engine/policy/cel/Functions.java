package dev.bulwark.engine.policy.cel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The standard functions: size, string tests, conversions, timestamps, and the Kubernetes string extensions. */
final class Functions {
    private Functions() {
    }

    /**
     * Calls {@code function}; {@code target} is the receiver of a method-style call or null. {@code constantRegex}
     * is the pattern compiled at compile time when the regex argument is a literal.
     */
    static Object call(String function, Object target, List<Object> args, Budget budget, Pattern constantRegex) {
        if (target != null) {
            return method(function, target, args, budget, constantRegex);
        }
        Object a = args.isEmpty() ? null : args.get(0);
        if (args.size() == 1) {
            switch (function) {
                case "size":
                    return size(a);
                case "int":
                    return Conversions.toInt(a);
                case "uint":
                    return Conversions.toUint(a);
                case "double":
                    return Conversions.toDouble(a);
                case "string":
                    return Conversions.toStringValue(a);
                case "bool":
                    return Conversions.toBool(a);
                case "bytes":
                    return Conversions.toBytes(a);
                case "dyn":
                    return a;
                case "type":
                    return new CelType(Values.typeName(a));
                case "timestamp":
                    return Conversions.toTimestamp(a);
                case "duration":
                    return Conversions.toDuration(a);
                default:
                    break;
            }
        }
        if (args.size() == 2 && "matches".equals(function)) {
            return method(function, a, args.subList(1, 2), budget, constantRegex);
        }
        throw new EvalError("unbound function: " + function + "/" + args.size());
    }

    private static Object method(String function, Object target, List<Object> args, Budget budget,
            Pattern constantRegex) {
        if (args.isEmpty() && "size".equals(function)) {
            return size(target);
        }
        if ((target instanceof Instant || target instanceof Duration) && TimeValues.isAccessor(function)
                && args.size() <= 1) {
            return TimeValues.accessor(function, target, args.isEmpty() ? null : args.get(0));
        }
        if (target instanceof String s) {
            budget.spend(1 + s.length() / 64);
            return StringFunctions.call(function, s, args, budget, constantRegex);
        }
        if (target instanceof List<?> list && "join".equals(function) && args.size() <= 1) {
            return StringFunctions.join(list, args.isEmpty() ? "" : args.get(0), budget);
        }
        throw args.isEmpty() ? EvalError.noOverload(function, target)
                : EvalError.noOverload(function, target, args.get(0));
    }

    static long size(Object v) {
        return switch (v) {
            case String s -> s.codePointCount(0, s.length());
            case CelBytes b -> b.length();
            case List<?> l -> l.size();
            case Map<?, ?> m -> m.size();
            case null, default -> throw EvalError.noOverload("size", v);
        };
    }

    static String utf8(CelBytes bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.data())).toString();
        } catch (CharacterCodingException e) {
            throw new EvalError("invalid UTF-8 in bytes");
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
