package dev.bulwark.engine.ecosystem.dpkg;

import java.util.LinkedHashMap;
import java.util.Map;

/** One paragraph of a Debian control-style file: field names (case-insensitive) to values, continuations joined. */
record DpkgStanza(Map<String, String> fields, long firstLine) {

    String get(String name) {
        return fields.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    static final class Builder {
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String last;
        private long firstLine = -1;

        boolean isEmpty() {
            return fields.isEmpty();
        }

        /** Adds one line; returns false when the line is neither a field nor a continuation. */
        boolean line(String line, long number) {
            if (firstLine < 0) {
                firstLine = number;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (last == null) {
                    return false;
                }
                fields.merge(last, "\n" + line.substring(1), String::concat);
                return true;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            last = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            fields.put(last, line.substring(colon + 1).trim());
            return true;
        }

        DpkgStanza build() {
            DpkgStanza s = new DpkgStanza(Map.copyOf(fields), firstLine);
            fields.clear();
            last = null;
            firstLine = -1;
            return s;
        }
    }
}
