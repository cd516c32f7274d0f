package dev.bulwark.engine.config.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The builder's word processing: splitting on unquoted blanks, quote removal and {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-word}}, {@code ${VAR-word}}, {@code ${VAR:+word}}, {@code ${VAR+word}}, {@code ${VAR:?word}} expansion
 * as BuildKit does it (the escape character escapes outside quotes; inside double quotes only {@code "}, {@code $}
 * and itself). Output is bounded per word and per file, and nesting is bounded, so hostile input cannot blow up.
 */
final class WordExpander {
    static final int MAX_WORD = 64 * 1024;
    static final long MAX_TOTAL = 16L * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    /** A word that cannot be expanded; the message is one line. */
    static final class ExpansionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpansionException(String message) {
            super(message);
        }
    }

    /** An expanded word and whether it referred to a variable without a value. */
    record Expanded(String value, boolean unresolved) {
    }

    private final char escape;
    private long produced;

    WordExpander(char escape) {
        this.escape = escape;
    }

    char escapeChar() {
        return escape;
    }

    /** Splits on unquoted blanks, keeping quotes and escapes in the words for {@link #expand}. */
    List<String> split(String text) {
        return spans(text).stream().map(span -> text.substring(span[0], span[1])).toList();
    }

    /** The [start, end) offsets of the words {@link #split} returns. */
    List<int[]> spans(String text) {
        List<int[]> words = new ArrayList<>();
        char quote = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                if (start >= 0) {
                    words.add(new int[] {start, i});
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == escape && quote != '\'' && i + 1 < text.length()) {
                i++;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        if (start >= 0) {
            words.add(new int[] {start, text.length()});
        }
        return words;
    }

    /** Expands one word against {@code env} (absent key = unset) and removes its quotes. */
    Expanded expand(String word, Map<String, String> env) {
        Cursor cursor = new Cursor(word, env);
        String value = cursor.until((char) 0, 0);
        return new Expanded(value, cursor.unresolved);
    }

    private final class Cursor {
        private final String text;
        private final Map<String, String> env;
        private int pos;
        private boolean unresolved;

        Cursor(String text, Map<String, String> env) {
            this.text = text;
            this.env = env;
        }

        /** Reads up to {@code stop} (0 = end of text), expanding as it goes. */
        String until(char stop, int depth) {
            if (depth > MAX_DEPTH) {
                throw new ExpansionException("variable expansion nested deeper than " + MAX_DEPTH);
            }
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (stop != 0 && c == stop) {
                    return out.toString();
                }
                pos++;
                if (c == escape) {
                    if (pos < text.length()) {
                        append(out, String.valueOf(text.charAt(pos++)));
                    }
                } else if (c == '\'') {
                    int end = text.indexOf('\'', pos);
                    if (end < 0) {
                        throw new ExpansionException("unexpected end of statement while looking for matching '");
                    }
                    append(out, text.substring(pos, end));
                    pos = end + 1;
                } else if (c == '"') {
                    doubleQuoted(out, depth);
                } else if (c == '$') {
                    append(out, dollar(depth));
                } else {
                    append(out, String.valueOf(c));
                }
            }
            if (stop != 0) {
                throw new ExpansionException("missing '}' in variable expansion");
            }
            return out.toString();
        }

        private void doubleQuoted(StringBuilder out, int depth) {
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return;
                }
                if (c == escape && pos < text.length()) {
                    char next = text.charAt(pos);
                    if (next == '"' || next == '$' || next == escape) {
                        pos++;
                        append(out, String.valueOf(next));
                    } else {
                        append(out, String.valueOf(c));
                    }
                } else if (c == '$') {
                    append(out, dollar(depth));
                } else {
                    append(out, String.valueOf(c));
                }
            }
            throw new ExpansionException("unexpected end of statement while looking for matching \"");
        }

        private String dollar(int depth) {
            if (pos >= text.length()) {
                return "$";
            }
            if (text.charAt(pos) != '{') {
                String name = name();
                return name.isEmpty() ? "$" : lookup(name);
            }
            pos++;
            String name = name();
            if (name.isEmpty()) {
                throw new ExpansionException("bad substitution: ${ without a variable name");
            }
            if (pos >= text.length()) {
                throw new ExpansionException("missing '}' in variable expansion of " + name);
            }
            char c = text.charAt(pos);
            if (c == '}') {
                pos++;
                return lookup(name);
            }
            boolean colon = c == ':';
            if (colon) {
                pos++;
                if (pos >= text.length()) {
                    throw new ExpansionException("missing '}' in variable expansion of " + name);
                }
                c = text.charAt(pos);
            }
            if (c != '-' && c != '+' && c != '?') {
                throw new ExpansionException("unsupported modifier '" + (colon ? ":" : "") + c + "' in ${" + name
                        + "}");
            }
            pos++;
            String word = until('}', depth + 1);
            pos++;
            String value = env.get(name);
            boolean present = value != null && !(colon && value.isEmpty());
            return switch (c) {
                case '-' -> present ? value : word;
                case '+' -> present ? word : "";
                default -> {
                    if (!present) {
                        throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset"
                                : word));
                    }
                    yield value;
                }
            };
        }

        private String name() {
            int start = pos;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                return text.substring(start, ++pos);
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (!(c == '_' || c < 128 && Character.isLetterOrDigit(c))) {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos);
        }

        private String lookup(String name) {
            String value = env.get(name);
            if (value == null) {
                unresolved = true;
                return "";
            }
            return value;
        }

        private void append(StringBuilder out, String s) {
            produced += s.length();
            if (out.length() + s.length() > MAX_WORD) {
                throw new ExpansionException("a word expands to more than " + MAX_WORD + " characters");
            }
            if (produced > MAX_TOTAL) {
                throw new ExpansionException("variable expansion produced more than " + MAX_TOTAL
                        + " characters in total");
            }
            out.append(s);
        }
    }
}
