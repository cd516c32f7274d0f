package dev.bulwark.engine.config.dockerfile;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.catalog.WarningSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Dockerfile text into logical instruction lines the way BuildKit reads them: parser directives at the top,
 * comment lines dropped (also inside continuations), lines ending in the escape character joined, and here-document
 * bodies read after the RUN, COPY and ADD lines that open them. Every pattern here is linear on a bounded line.
 */
final class SourceLines {
    static final int MAX_LINE = 256 * 1024;

    /** A logical line: the instruction text with its here-documents and the source lines it spans. */
    record Logical(String text, List<Heredoc> heredocs, int startLine, int endLine) {
    }

    private static final Pattern DIRECTIVE = Pattern.compile("#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*");
    private static final Pattern HEREDOC = Pattern.compile("[0-9]*<<(-?)(['\"]?)([A-Za-z0-9_.\\-]+)\\2");
    private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

    private final String path;
    private final String[] lines;
    private final WarningSink warnings;
    private final Map<String, String> directives = new LinkedHashMap<>();
    private char escape = '\\';
    private int next;

    SourceLines(String path, String text, WarningSink warnings) {
        this.path = path;
        this.lines = text.split("\r?\n", -1);
        this.warnings = warnings;
    }

    Map<String, String> directives() {
        return directives;
    }

    char escape() {
        return escape;
    }

    /** Reads the whole file into logical lines. */
    List<Logical> read() {
        readDirectives();
        List<Logical> out = new ArrayList<>();
        while (next < lines.length) {
            int start = next + 1;
            String first = stripLeft(lines[next++]);
            checkLength(first, start);
            if (first.isEmpty() || first.startsWith("#")) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            boolean more = appendContinued(line, first);
            while (more && next < lines.length) {
                String raw = lines[next++];
                checkLength(raw, next);
                String trimmed = stripLeft(raw);
                if (trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.isEmpty()) {
                    warnings.warn("dockerfile-empty-continuation", path + ":" + next
                            + ": empty continuation line (deprecated, a future builder will reject it)");
                    continue;
                }
                more = appendContinued(line, raw);
                if (line.length() > MAX_LINE) {
                    throw tooLong(start);
                }
            }
            String text = line.toString();
            List<Heredoc> heredocs = heredocsOf(text, start);
            out.add(new Logical(text, heredocs, start, next));
        }
        return out;
    }

    private void readDirectives() {
        while (next < lines.length) {
            String line = lines[next];
            if (next == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
                lines[0] = line;
            }
            if (line.length() > 4096) {
                return;
            }
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.matches()) {
                return;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            if (!KNOWN_DIRECTIVES.contains(key)) {
                warnings.warn("dockerfile-unknown-directive", path + ":" + (next + 1) + ": unknown parser directive '"
                        + key + "' ignored");
                next++;
                continue;
            }
            if (directives.containsKey(key)) {
                throw invalid(next + 1, "only one '" + key + "' parser directive can be used");
            }
            if (key.equals("escape")) {
                if (!value.equals("\\") && !value.equals("`")) {
                    throw invalid(next + 1, "invalid escape token '" + shorten(value) + "' does not match ` or \\");
                }
                escape = value.charAt(0);
            }
            directives.put(key, value);
            next++;
        }
    }

    /** Appends {@code raw} without its continuation character; true when the next line continues it. */
    private boolean appendContinued(StringBuilder line, String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end > 0 && raw.charAt(end - 1) == escape) {
            line.append(raw, 0, end - 1);
            return true;
        }
        line.append(raw);
        return false;
    }

    private List<Heredoc> heredocsOf(String text, int start) {
        if (!text.contains("<<")) {
            return List.of();
        }
        String keyword = text.split("[ \\t]", 2)[0].toUpperCase(Locale.ROOT);
        if (!HEREDOC_INSTRUCTIONS.contains(keyword)) {
            return List.of();
        }
        List<Heredoc> found = new ArrayList<>();
        for (String word : new WordExpander(escape).split(text)) {
            Matcher m = HEREDOC.matcher(word);
            if (m.matches()) {
                found.add(readBody(m.group(3), !m.group(1).isEmpty(), m.group(2).isEmpty(), start));
            }
        }
        return found;
    }

    private Heredoc readBody(String delimiter, boolean stripTabs, boolean expand, int start) {
        StringBuilder body = new StringBuilder();
        while (next < lines.length) {
            String raw = lines[next++];
            checkLength(raw, next);
            String line = stripTabs ? raw.replaceFirst("^\\t+", "") : raw;
            if (line.equals(delimiter)) {
                return new Heredoc(delimiter, body.toString(), expand, stripTabs);
            }
            body.append(line).append('\n');
        }
        throw invalid(start, "unterminated heredoc: no line '" + shorten(delimiter) + "' closes it");
    }

    private static String stripLeft(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    private void checkLength(String line, int lineNumber) {
        if (line.length() > MAX_LINE) {
            throw tooLong(lineNumber);
        }
    }

    private BulwarkException tooLong(int lineNumber) {
        return invalid(lineNumber, "line longer than " + MAX_LINE + " characters");
    }

    private BulwarkException invalid(int lineNumber, String what) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, "Dockerfile " + path + ":" + lineNumber + ": " + what);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
