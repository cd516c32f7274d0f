package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code go.mod} file that name modules: {@code module}, {@code require} (with its
 * {@code // indirect} marker) and {@code replace}, as single lines or parenthesised blocks, with quoted or bare
 * tokens. Other directives ({@code go}, {@code toolchain}, {@code exclude}, {@code retract}...) are skipped.
 */
record GoModFile(String module, List<Require> requires, List<Replace> replaces, int malformed) {
    static final int MAX_LINE = 64 << 10;
    static final int MAX_ENTRIES = 100_000;

    record Require(String path, String version, boolean indirect) {
    }

    /** {@code fromVersion} is null when every version of the module is replaced; {@code toVersion} null for a dir. */
    record Replace(String fromPath, String fromVersion, String toPath, String toVersion) {
    }

    static GoModFile parse(InputStream in) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE);
        String module = null;
        List<Require> requires = new ArrayList<>();
        List<Replace> replaces = new ArrayList<>();
        int malformed = 0;
        String block = null;
        for (String line; (line = lines.readLine()) != null; ) {
            String comment = "";
            int slashes = line.indexOf("//");
            if (slashes >= 0 && !inQuotes(line, slashes)) {
                comment = line.substring(slashes + 2).strip();
                line = line.substring(0, slashes);
            }
            List<String> tokens = tokens(line);
            if (tokens.isEmpty()) {
                continue;
            }
            String verb;
            List<String> args;
            if (block != null) {
                if (tokens.get(0).equals(")")) {
                    block = null;
                    continue;
                }
                verb = block;
                args = tokens;
            } else {
                verb = tokens.get(0);
                args = tokens.subList(1, tokens.size());
                if (args.size() == 1 && args.get(0).equals("(")) {
                    block = verb;
                    continue;
                }
            }
            if (requires.size() + replaces.size() >= MAX_ENTRIES) {
                malformed++;
                continue;
            }
            switch (verb) {
                case "module" -> module = args.isEmpty() ? null : args.get(0);
                case "require" -> {
                    if (args.size() == 2) {
                        requires.add(new Require(args.get(0), args.get(1), isIndirect(comment)));
                    } else {
                        malformed++;
                    }
                }
                case "replace" -> {
                    Replace r = replace(args);
                    if (r == null) {
                        malformed++;
                    } else {
                        replaces.add(r);
                    }
                }
                default -> { }
            }
        }
        return new GoModFile(module, List.copyOf(requires), List.copyOf(replaces), malformed);
    }

    // The go command treats "// indirect" and "// indirect; anything" as the marker.
    private static boolean isIndirect(String comment) {
        return comment.equals("indirect") || comment.startsWith("indirect;");
    }

    private static Replace replace(List<String> a) {
        int arrow = a.indexOf("=>");
        if (arrow != 1 && arrow != 2) {
            return null;
        }
        int right = a.size() - arrow - 1;
        if (right != 1 && right != 2) {
            return null;
        }
        return new Replace(a.get(0), arrow == 2 ? a.get(1) : null, a.get(arrow + 1),
                right == 2 ? a.get(arrow + 2) : null);
    }

    private static boolean inQuotes(String line, int at) {
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (in) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    in = false;
                }
            } else if (c == '"' || c == '`') {
                in = true;
                quote = c;
            }
        }
        return in;
    }

    /** Splits on blanks; {@code "..."} and {@code `...`} are one token without their quotes. */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`') {
                StringBuilder t = new StringBuilder();
                int j = i + 1;
                while (j < n && line.charAt(j) != c) {
                    if (c == '"' && line.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    t.append(line.charAt(j++));
                }
                out.add(t.toString());
                i = j + 1;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(line.charAt(j)) && line.charAt(j) != '('
                        && line.charAt(j) != ')') {
                    j++;
                }
                out.add(line.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
