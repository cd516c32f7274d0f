package dev.bulwark.report.junit;

/** Text made safe for XML 1.0: characters the format forbids become U+FFFD, and long text is cut. */
final class Xml {
    private Xml() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
