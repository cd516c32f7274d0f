package dev.bulwark.engine.ecosystem.dpkg;

import dev.bulwark.engine.catalog.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * License names from a Debian copyright file: the {@code License:} fields of the machine-readable format (DEP-5) and,
 * for free-form files, references to {@code /usr/share/common-licenses/NAME}.
 */
final class DebCopyrightParser {
    private static final int MAX_LINE = 64 << 10;
    private static final int MAX_LINES = 200_000;
    private static final Pattern COMMON = Pattern.compile("/usr/share/common-licenses/([A-Za-z0-9][A-Za-z0-9.+_-]*)");

    private DebCopyrightParser() {
    }

    static List<String> licenses(InputStream in) throws IOException {
        LineReader reader = new LineReader(in, MAX_LINE);
        Set<String> dep5 = new LinkedHashSet<>();
        Set<String> common = new LinkedHashSet<>();
        String line;
        while ((line = reader.readLine()) != null && reader.lineNumber() <= MAX_LINES) {
            if (line.regionMatches(true, 0, "License:", 0, 8)) {
                String value = line.substring(8).trim();
                if (!value.isEmpty()) {
                    dep5.add(value);
                }
            } else {
                Matcher m = COMMON.matcher(line);
                while (m.find()) {
                    String name = m.group(1);
                    while (name.endsWith(".")) {
                        name = name.substring(0, name.length() - 1);
                    }
                    if (!name.isEmpty()) {
                        common.add(name);
                    }
                }
            }
        }
        return List.copyOf(dep5.isEmpty() ? common : dep5);
    }
}
