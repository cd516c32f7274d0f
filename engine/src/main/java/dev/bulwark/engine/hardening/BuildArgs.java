package dev.bulwark.engine.hardening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the build arguments a builder records in a RUN step's history: {@code |2 A=1 B=two /bin/sh -c ...}
 * (buildah, the classic Docker builder) or {@code RUN |2 A=1 B=two /bin/sh -c ... # buildkit}. The format has no
 * quoting, so a value runs to the next {@code NAME=} token; the last value ends at the first space.
 */
final class BuildArgs {
    /** More than this is not a real build: the count is hostile or the line is not this format. */
    private static final int MAX_ARGS = 1000;

    private BuildArgs() {
    }

    /** The arguments in recorded order, or an empty map when the line records none. */
    static Map<String, String> parse(String createdBy) {
        Map<String, String> args = new LinkedHashMap<>();
        if (createdBy == null) {
            return args;
        }
        String s = createdBy.substring(start(createdBy)).stripTrailing();
        for (Arg a : spans(s)) {
            args.put(a.name(), s.substring(a.valueStart(), a.valueEnd()));
        }
        return args;
    }

    /**
     * The line with the value of every build argument that holds a literal credential masked
     * ({@link SecretValues#mask}); everything else, the command included, unchanged.
     */
    static String redact(String createdBy) {
        if (createdBy == null) {
            return null;
        }
        int lead = start(createdBy);
        String s = createdBy.substring(lead).stripTrailing();
        List<Arg> spans = spans(s);
        StringBuilder out = new StringBuilder(createdBy);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Arg a = spans.get(i);
            String value = s.substring(a.valueStart(), a.valueEnd());
            if (SecretValues.isLiteralSecret(a.name(), value)) {
                out.replace(lead + a.valueStart(), lead + a.valueEnd(), SecretValues.mask(value));
            }
        }
        return out.toString();
    }

    /** One recorded argument: its name and where its value lies in the line. */
    private record Arg(String name, int valueStart, int valueEnd) {
    }

    /** Where the {@code |N} count starts: past leading blanks and a BuildKit {@code RUN } prefix. */
    private static int start(String createdBy) {
        int i = createdBy.length() - createdBy.stripLeading().length();
        if (createdBy.startsWith("RUN ", i)) {
            i += 4;
            while (i < createdBy.length() && Character.isWhitespace(createdBy.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static List<Arg> spans(String s) {
        List<Arg> args = new ArrayList<>();
        if (!s.startsWith("|")) {
            return args;
        }
        int i = 1;
        int count = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && count <= MAX_ARGS) {
            count = count * 10 + (s.charAt(i++) - '0');
        }
        if (i == 1 || count > MAX_ARGS || i >= s.length() || s.charAt(i) != ' ') {
            return args;
        }
        int pos = i + 1;
        for (int n = 0; n < count && pos < s.length(); n++) {
            int eq = nameEnd(s, pos);
            if (eq < 0) {
                break;
            }
            int valueStart = eq + 1;
            int valueEnd = n == count - 1 ? spaceOrEnd(s, valueStart) : nextAssignment(s, valueStart);
            args.add(new Arg(s.substring(pos, eq), valueStart, valueEnd));
            pos = Math.min(s.length(), valueEnd + 1);
        }
        return args;
    }

    /** The index of the '=' ending a NAME that starts at {@code pos}, or -1. */
    private static int nameEnd(String s, int pos) {
        int i = pos;
        while (i < s.length() && isNameChar(s.charAt(i), i == pos)) {
            i++;
        }
        return i > pos && i < s.length() && s.charAt(i) == '=' ? i : -1;
    }

    private static int nextAssignment(String s, int from) {
        for (int sp = s.indexOf(' ', from); sp >= 0; sp = s.indexOf(' ', sp + 1)) {
            if (nameEnd(s, sp + 1) > 0) {
                return sp;
            }
        }
        return spaceOrEnd(s, from);
    }

    private static int spaceOrEnd(String s, int from) {
        int sp = s.indexOf(' ', from);
        return sp < 0 ? s.length() : sp;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
    }
}
