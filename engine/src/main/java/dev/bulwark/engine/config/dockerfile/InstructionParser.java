package dev.bulwark.engine.config.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.catalog.WarningSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses one logical line into an {@link Instruction}: keyword, leading flags, JSON or shell form, and the words the
 * builder expands (ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and the ARG defaults).
 * RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK commands stay unexpanded: the shell expands them in the container.
 */
final class InstructionParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_CAPABLE = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD",
            "VOLUME");
    private static final Set<String> UNEXPANDED = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "MAINTAINER",
            "HEALTHCHECK", "ONBUILD");
    static final Set<String> KNOWN = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    private final String path;
    private final WordExpander words;
    private final WarningSink warnings;

    InstructionParser(String path, WordExpander words, WarningSink warnings) {
        this.path = path;
        this.words = words;
        this.warnings = warnings;
    }

    /**
     * Parses {@code line}; {@code env} is the scope variables expand in, or null to expand nothing (ONBUILD
     * triggers, which expand in the build that uses them).
     */
    Instruction parse(SourceLines.Logical line, Map<String, String> env) {
        return parse(line.text(), line.heredocs(), line.startLine(), line.endLine(), env, true);
    }

    private Instruction parse(String text, List<Heredoc> heredocs, int start, int end, Map<String, String> env,
            boolean allowOnbuild) {
        List<int[]> spans = words.spans(text);
        String keyword = spans.isEmpty() ? "" : text.substring(spans.get(0)[0], spans.get(0)[1])
                .toUpperCase(Locale.ROOT);
        if (!KNOWN.contains(keyword)) {
            warnings.warn("dockerfile-unknown-instruction", where(start) + "unknown instruction "
                    + SourceLines.shorten(keyword));
        }
        int restAt = spans.size() > 1 ? spans.get(1)[0] : text.length();
        String rest = text.substring(restAt);
        if (keyword.equals("ONBUILD")) {
            Instruction trigger = null;
            if (!allowOnbuild || rest.isBlank()) {
                warnings.warn("dockerfile-bad-onbuild", where(start) + "ONBUILD needs one instruction other than"
                        + " ONBUILD");
            } else {
                trigger = parse(rest, heredocs, start, end, null, false);
            }
            return new Instruction(keyword, List.of(), List.of(rest.strip()), false, rest, heredocs, start, end,
                    trigger);
        }
        List<Flag> flags = new ArrayList<>();
        int i = 1;
        for (; i < spans.size(); i++) {
            String word = text.substring(spans.get(i)[0], spans.get(i)[1]);
            if (!word.startsWith("--") || word.equals("--")) {
                break;
            }
            int eq = word.indexOf('=');
            String name = (eq < 0 ? word.substring(2) : word.substring(2, eq)).toLowerCase(Locale.ROOT);
            flags.add(new Flag(name, eq < 0 ? null : expand(word.substring(eq + 1), env, start)));
        }
        String body = i < spans.size() ? text.substring(spans.get(i)[0]) : "";
        String source = rest;
        if (JSON_CAPABLE.contains(keyword) && body.startsWith("[")) {
            List<String> array = jsonArray(body);
            if (array != null) {
                List<String> args = UNEXPANDED.contains(keyword) ? array
                        : array.stream().map(a -> expandLiteral(a, env, start)).toList();
                return new Instruction(keyword, flags, args, true, source, heredocs, start, end, null);
            }
        }
        List<String> args;
        if (keyword.equals("HEALTHCHECK")) {
            args = healthcheckArgs(body);
        } else if (keyword.equals("ENV") || keyword.equals("LABEL")) {
            args = pairs(keyword, body, env, start);
        } else if (UNEXPANDED.contains(keyword)) {
            args = body.isBlank() ? List.of() : List.of(body.strip());
        } else {
            args = new ArrayList<>();
            for (String word : words.split(body)) {
                args.add(expand(word, env, start));
            }
        }
        boolean exec = keyword.equals("HEALTHCHECK") && args.size() > 1 && body.strip().length() > 3
                && body.strip().substring(3).strip().startsWith("[") && jsonArray(body.strip().substring(3).strip())
                        != null;
        return new Instruction(keyword, flags, args, exec, source, heredocs, start, end, null);
    }

    /** ENV and LABEL: {@code key=value} pairs, or the legacy {@code key value with blanks} form. */
    private List<String> pairs(String keyword, String body, Map<String, String> env, int line) {
        List<int[]> spans = words.spans(body);
        List<String> out = new ArrayList<>();
        if (spans.isEmpty()) {
            return out;
        }
        String first = body.substring(spans.get(0)[0], spans.get(0)[1]);
        if (first.indexOf('=') < 0) {
            String value = spans.size() > 1 ? body.substring(spans.get(1)[0]).strip() : "";
            out.add(first + "=" + expand(value, env, line));
            return out;
        }
        for (int[] span : spans) {
            String word = body.substring(span[0], span[1]);
            int eq = word.indexOf('=');
            if (eq <= 0) {
                warnings.warn("dockerfile-bad-pair", where(line) + keyword + " expects key=value, not '"
                        + SourceLines.shorten(word) + "'");
                continue;
            }
            out.add(expand(word.substring(0, eq), Map.of(), line) + "=" + expand(word.substring(eq + 1), env, line));
        }
        return out;
    }

    /** HEALTHCHECK NONE, or CMD followed by the command (JSON elements or the shell command line). */
    private List<String> healthcheckArgs(String body) {
        String b = body.strip();
        if (b.length() < 3 || !b.substring(0, 3).equalsIgnoreCase("CMD")) {
            return b.isEmpty() ? List.of() : List.of(b.toUpperCase(Locale.ROOT).equals("NONE") ? "NONE" : b);
        }
        String command = b.substring(3).strip();
        List<String> out = new ArrayList<>();
        out.add("CMD");
        List<String> array = command.startsWith("[") ? jsonArray(command) : null;
        if (array != null) {
            out.addAll(array);
        } else if (!command.isEmpty()) {
            out.add(command);
        }
        return out;
    }

    /** Expands ENV-style {@code key=value} words: the key stays literal, the value expands. */
    String expand(String word, Map<String, String> env, int line) {
        if (env == null) {
            return word;
        }
        try {
            return words.expand(word, env).value();
        } catch (WordExpander.ExpansionException e) {
            warnings.warn("dockerfile-expansion", where(line) + e.getMessage() + "; the word is kept as written");
            return word;
        }
    }

    private String expandLiteral(String jsonElement, Map<String, String> env, int line) {
        // JSON elements have no shell quoting left; escape quotes so only variables expand.
        if (env == null || jsonElement.indexOf('$') < 0) {
            return jsonElement;
        }
        String esc = String.valueOf(words.escapeChar());
        String quoted = jsonElement.replace(esc, esc + esc).replace("'", esc + "'").replace("\"", esc + "\"");
        return expand(quoted, env, line);
    }

    private static List<String> jsonArray(String text) {
        try {
            List<String> array = JSON.readValue(text, new TypeReference<List<String>>() { });
            return array == null || array.contains(null) ? null : array;
        } catch (Exception e) {
            return null;
        }
    }

    private String where(int line) {
        return "Dockerfile " + path + ":" + line + ": ";
    }
}
