package dev.bulwark.report;

import java.util.Locale;

/**
 * Makes strings from an image safe to show. Package names, versions and messages are attacker-controlled: a newline
 * could forge table rows, an escape sequence could rewrite the terminal, a bidi override could reorder what people
 * read, and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all.
 */
public final class ReportText {
    private ReportText() {
    }

    /**
     * One printable line: backslash, control, format (bidi, zero-width) and separator characters are shown as
     * escapes (backslash-n, backslash-u001b), and text longer than {@code max} code points is cut with {@code ...}.
     */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        boolean cut = text.codePointCount(0, text.length()) > max;
        String shown = cut ? text.substring(0, text.offsetByCodePoints(0, Math.max(0, max - 3))) : text;
        StringBuilder out = new StringBuilder(shown.length() + 3);
        shown.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(cp)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return cut ? out.append("...").toString() : out.toString();
    }

    /** The text with every unpaired surrogate replaced by U+FFFD, so it can always be written as UTF-8. */
    public static String wellFormed(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean needsEscape(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
