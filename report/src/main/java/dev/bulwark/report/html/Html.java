package dev.bulwark.report.html;

import dev.bulwark.report.ReportText;

/** Escaping for text from the target: it is attacker-controlled, so it is only ever written as escaped text. */
final class Html {
    private Html() {
    }

    /** Element text and attribute values (always double-quoted by the writer). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = ReportText.wellFormed(value);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** One line of display text (escapes control and bidi characters as {@link ReportText#oneLine} does), escaped. */
    static String line(String value, int max) {
        return text(ReportText.oneLine(value, max));
    }
}
