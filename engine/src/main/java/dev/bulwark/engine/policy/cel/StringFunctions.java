package dev.bulwark.engine.policy.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Methods on strings: the standard tests and the CEL strings extension that Kubernetes enables. */
final class StringFunctions {
    private StringFunctions() {
    }

    static Object call(String function, String s, List<Object> args, Budget budget, Pattern constantRegex) {
        Object a = args.isEmpty() ? null : args.get(0);
        switch (function + "/" + args.size()) {
            case "contains/1":
                return s.contains(string(function, s, a));
            case "startsWith/1":
                return s.startsWith(string(function, s, a));
            case "endsWith/1":
                return s.endsWith(string(function, s, a));
            case "matches/1":
                Pattern p = constantRegex != null ? constantRegex : SafeRegex.compile(string(function, s, a));
                return SafeRegex.find(p, s, budget);
            case "lowerAscii/0":
                return asciiCase(s, true);
            case "upperAscii/0":
                return asciiCase(s, false);
            case "trim/0":
                return s.strip();
            case "indexOf/1":
                return (long) codePoints(s, s.indexOf(string(function, s, a)));
            case "lastIndexOf/1":
                return (long) codePoints(s, s.lastIndexOf(string(function, s, a)));
            case "replace/2":
                String replaced = s.replace(string(function, s, a), string(function, s, args.get(1)));
                budget.checkLength(replaced.length());
                return replaced;
            case "split/1":
                return split(s, string(function, s, a), budget);
            case "substring/1":
                return substring(s, integer(function, s, a), (long) s.codePointCount(0, s.length()));
            case "substring/2":
                return substring(s, integer(function, s, a), integer(function, s, args.get(1)));
            default:
                throw args.isEmpty() ? EvalError.noOverload(function, s) : EvalError.noOverload(function, s, a);
        }
    }

    static String join(List<?> list, Object separator, Budget budget) {
        if (!(separator instanceof String sep)) {
            throw EvalError.noOverload("join", list, separator);
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object o : list) {
            if (!(Values.of(o) instanceof String s)) {
                throw EvalError.noOverload("join", list, separator);
            }
            out.append(first ? "" : sep).append(s);
            first = false;
            budget.spend(1);
            budget.checkLength(out.length());
        }
        return out.toString();
    }

    private static String string(String function, String s, Object a) {
        if (a instanceof String x) {
            return x;
        }
        throw EvalError.noOverload(function, s, a);
    }

    private static long integer(String function, String s, Object a) {
        if (a instanceof Long x) {
            return x;
        }
        throw EvalError.noOverload(function, s, a);
    }

    private static int codePoints(String s, int charIndex) {
        return charIndex < 0 ? -1 : s.codePointCount(0, charIndex);
    }

    private static String asciiCase(String s, boolean lower) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (lower && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (!lower && c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<Object> split(String s, String separator, Budget budget) {
        List<Object> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
        } else {
            int from = 0;
            int at;
            while ((at = s.indexOf(separator, from)) >= 0) {
                parts.add(s.substring(from, at));
                from = at + separator.length();
            }
            parts.add(s.substring(from));
        }
        budget.checkSize(parts.size());
        budget.spend(parts.size());
        return parts;
    }

    private static String substring(String s, long start, long end) {
        long length = s.codePointCount(0, s.length());
        if (start < 0 || end > length || start > end) {
            throw new EvalError("index out of range: substring(" + start + ", " + end + ") of length " + length);
        }
        return s.substring(s.offsetByCodePoints(0, (int) start), s.offsetByCodePoints(0, (int) end));
    }
}
