package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Yarn classic ({@code # yarn lockfile v1}): blocks headed by the specs they satisfy ({@code "a@^1", a@~1.2:}) with
 * indented {@code version} and {@code dependencies}. Read line by line; a block without a version is skipped with a
 * warning and the rest kept.
 */
final class YarnClassicLockParser {
    static final int MAX_LINE = 64 << 10;

    private YarnClassicLockParser() {
    }

    static List<Package> parse(InputStream in, String path, WarningSink warnings) throws IOException {
        YarnEntries entries = new YarnEntries(path);
        LineReader lines = new LineReader(in, MAX_LINE);
        YarnEntries.Entry current = null;
        String section = null;
        String line;
        try {
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int indent = indentOf(line);
                String body = line.strip();
                if (indent == 0) {
                    finish(entries, current, warnings, lines.lineNumber());
                    current = body.endsWith(":") ? new YarnEntries.Entry(specs(body.substring(0, body.length() - 1)))
                            : null;
                    section = null;
                } else if (current == null) {
                    continue;
                } else if (indent <= 2) {
                    section = null;
                    if (body.endsWith(":")) {
                        section = body.substring(0, body.length() - 1);
                    } else {
                        String[] kv = keyValue(body);
                        if (kv != null && kv[0].equals("version")) {
                            current.version = kv[1];
                        }
                    }
                } else if ("dependencies".equals(section) || "optionalDependencies".equals(section)) {
                    String[] kv = keyValue(body);
                    if (kv != null) {
                        current.dependencies.put(kv[0], kv[1]);
                    }
                }
            }
            finish(entries, current, warnings, lines.lineNumber());
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("npm.malformed", path + ": " + e.getMessage() + " (entries before it are kept)");
        } catch (YarnEntries.TooManyEntries e) {
            warnings.warn("npm.too-many-entries", path + ": more than " + YarnEntries.MAX_ENTRIES
                    + " entries; the rest are not read");
        }
        return entries.packages();
    }

    private static void finish(YarnEntries entries, YarnEntries.Entry current, WarningSink warnings, long line) {
        if (current == null) {
            return;
        }
        if (current.version == null || current.version.isEmpty() || current.specs.isEmpty()) {
            warnings.warn("npm.incomplete-entry", entries.location() + ": the entry before line " + line
                    + " has no version");
            return;
        }
        entries.add(current);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code "a@^1", a@~1.2} as unquoted specs. */
    private static List<String> specs(String header) {
        List<String> out = new ArrayList<>(2);
        for (String s : header.split(",")) {
            String spec = unquote(s.strip());
            if (!spec.isEmpty()) {
                out.add(spec);
            }
        }
        return out;
    }

    /** {@code key value} or {@code "key" "value"}, or null when there is no value. */
    private static String[] keyValue(String body) {
        String key;
        String rest;
        if (body.startsWith("\"")) {
            int close = body.indexOf('"', 1);
            if (close < 0) {
                return null;
            }
            key = body.substring(1, close);
            rest = body.substring(close + 1);
        } else {
            int space = body.indexOf(' ');
            if (space < 0) {
                return null;
            }
            key = body.substring(0, space);
            rest = body.substring(space);
        }
        return new String[] {key, unquote(rest.strip())};
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
