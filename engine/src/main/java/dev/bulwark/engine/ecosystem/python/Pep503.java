package dev.bulwark.engine.ecosystem.python;

import java.util.Locale;

/** Project names normalised as PEP 503 says: lowercase, each run of {@code -}, {@code _} and {@code .} one {@code -}. */
final class Pep503 {
    private Pep503() {
    }

    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean separator = c == '-' || c == '_' || c == '.';
            if (!separator) {
                out.append(c);
            } else if (!inRun) {
                out.append('-');
            }
            inRun = separator;
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The project name at the start of a requirement ({@code Foo.Bar[x]>=1; marker}), normalised, or null. */
    static String requirementName(String requirement) {
        int i = 0;
        String s = requirement.strip();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') {
                i++;
            } else {
                break;
            }
        }
        return i == 0 ? null : normalize(s.substring(0, i));
    }
}
