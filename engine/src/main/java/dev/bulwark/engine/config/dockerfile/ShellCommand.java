package dev.bulwark.engine.config.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One simple command of a RUN script, as far as checks need it: its words with quotes removed, the operator that
 * joins it to the next command ({@code &&}, {@code |}, {@code ;}, newline...), and whether it sits in a subshell.
 * Splitting is a single linear pass; it does not expand variables or run anything.
 *
 * @param words the words, prefixes such as {@code VAR=x} and {@code sudo} included
 * @param next the operator after the command, or empty at the end
 * @param nested true inside {@code ( )} or {@code { }}
 * @param programAt the index of the program in {@code words}, after assignments and wrappers
 */
record ShellCommand(List<String> words, String next, boolean nested, int programAt) {
    private static final Set<String> PREFIXES = Set.of("sudo", "env", "exec", "command", "nohup", "time", "nice");

    /** The program run, after assignments and wrappers such as {@code sudo} and {@code env}, without its path. */
    String program() {
        List<String> a = effective();
        if (a.isEmpty()) {
            return "";
        }
        String p = a.get(0);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The words from the program on. */
    List<String> effective() {
        return words.subList(programAt, words.size());
    }

    private static int programIndex(List<String> words) {
        int i = 0;
        while (i < words.size() && (isAssignment(words.get(i)) || PREFIXES.contains(words.get(i))
                || (i > 0 && words.get(i).startsWith("-") && PREFIXES.contains(words.get(i - 1))))) {
            i++;
        }
        return i;
    }

    /** The words after the program. */
    List<String> args() {
        List<String> e = effective();
        return e.isEmpty() ? e : e.subList(1, e.size());
    }

    private static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** Splits a shell script into simple commands. */
    static List<ShellCommand> split(String script) {
        List<ShellCommand> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int depth = 0;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            String op = null;
            if (c == '\\' && i + 1 < n) {
                char d = script.charAt(++i);
                if (d != '\n') {
                    word.append(d);
                    inWord = true;
                }
                continue;
            } else if (c == '\'' || c == '"') {
                int end = closing(script, i, c);
                word.append(script, i + 1, Math.min(end, n));
                inWord = true;
                i = end;
                continue;
            } else if (c == '$' && i + 1 < n && script.charAt(i + 1) == '(' || c == '`') {
                int end = c == '`' ? closing(script, i, '`') : parenEnd(script, i + 1);
                word.append(script, i, Math.min(end + 1, n));
                inWord = true;
                i = end;
                continue;
            } else if (c == '#' && !inWord) {
                while (i + 1 < n && script.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            } else if (c == ' ' || c == '\t') {
                // word boundary below
            } else if (c == '&' || c == '|' || c == ';' || c == '\n' || c == '(' || c == ')') {
                op = (i + 1 < n && (c == '&' || c == '|') && script.charAt(i + 1) == c) ? "" + c + c : "" + c;
                i += op.length() - 1;
            } else if ((c == '<' || c == '>') && !inWord) {
                word.append(c);
                inWord = true;
                continue;
            } else {
                word.append(c);
                inWord = true;
                continue;
            }
            if (inWord) {
                String w = word.toString();
                word.setLength(0);
                inWord = false;
                if ((w.equals("{") || w.equals("}")) && words.isEmpty() || w.equals("}")) {
                    depth = Math.max(0, depth + (w.equals("{") ? 1 : -1));
                    flush(out, words, ";", depth);
                    continue;
                }
                words.add(w);
            }
            if (op != null) {
                flush(out, words, op, depth);
                if (op.equals("(")) {
                    depth++;
                } else if (op.equals(")")) {
                    depth = Math.max(0, depth - 1);
                }
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        flush(out, words, "", depth);
        return out;
    }

    private static void flush(List<ShellCommand> out, List<String> words, String op, int depth) {
        if (!words.isEmpty()) {
            List<String> copy = List.copyOf(words);
            out.add(new ShellCommand(copy, op, depth > 0, programIndex(copy)));
            words.clear();
        } else if (!out.isEmpty() && !op.equals("\n")) {
            ShellCommand last = out.get(out.size() - 1);
            if (last.next.equals("\n") || last.next.isEmpty()) {
                out.set(out.size() - 1, new ShellCommand(last.words, op, last.nested, last.programAt));
            }
        }
    }

    private static int closing(String s, int open, char quote) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '\'') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return s.length();
    }

    private static int parenEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }
}
