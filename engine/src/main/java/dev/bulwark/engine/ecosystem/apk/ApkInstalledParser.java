package dev.bulwark.engine.ecosystem.apk;

import dev.bulwark.engine.catalog.WarningSink;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams apk's installed database: one entry per package, entries separated by blank lines, each line a one-letter
 * field, a colon and a value ({@code P:} name, {@code V:} version, {@code A:} arch, {@code L:} license, {@code o:}
 * origin; the many other fields, such as the file list, are ignored). Lines, entries and warnings are bounded, so a
 * hostile file costs at most its reading time.
 */
final class ApkInstalledParser {
    /** Real lines are short (the longest are dependency lists); this bounds the line buffer. */
    static final int MAX_LINE = 64 << 10;
    /** Alpine's whole repository has about 20,000 packages. */
    static final int MAX_ENTRIES = 100_000;
    static final int MAX_WARNINGS = 100;

    /** One installed package; the fields it lacks are null. */
    record Entry(String name, String version, String arch, String license, String origin) {
    }

    private final String path;
    private final WarningSink warnings;
    private final List<Entry> entries = new ArrayList<>();
    private int warned;
    private int lineNo;
    private int entryStart;
    private String name;
    private String version;
    private String arch;
    private String license;
    private String origin;
    private boolean inEntry;

    private ApkInstalledParser(String path, WarningSink warnings) {
        this.path = path;
        this.warnings = warnings;
    }

    static List<Entry> parse(InputStream content, String path, WarningSink warnings) throws IOException {
        ApkInstalledParser parser = new ApkInstalledParser(path, warnings);
        parser.read(new BufferedInputStream(content));
        if (parser.warned > MAX_WARNINGS) {
            warnings.warn("apk.too-many-warnings", path + ": " + (parser.warned - MAX_WARNINGS)
                    + " more malformed lines or entries were skipped");
        }
        return parser.entries;
    }

    private void read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        for (int b; ; ) {
            b = in.read();
            if (b == '\n' || b < 0) {
                lineNo++;
                if (tooLong) {
                    warn("apk.line-too-long", "line " + lineNo + " is over " + MAX_LINE + " bytes; skipped");
                } else {
                    line(line.toString(StandardCharsets.UTF_8));
                }
                line.reset();
                tooLong = false;
                if (b < 0) {
                    break;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    warnings.warn("apk.too-many-packages", path + " has more than " + MAX_ENTRIES
                            + " entries; the rest were not read");
                    return;
                }
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            } else {
                tooLong = true;
            }
        }
        endEntry();
    }

    private void line(String raw) {
        String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (text.isEmpty()) {
            endEntry();
            return;
        }
        if (!inEntry) {
            inEntry = true;
            entryStart = lineNo;
        }
        if (text.length() < 2 || text.charAt(1) != ':') {
            warn("apk.malformed-line", "line " + lineNo + " is not a FIELD:VALUE line; skipped");
            return;
        }
        String value = text.substring(2);
        switch (text.charAt(0)) {
            case 'P' -> name = value;
            case 'V' -> version = value;
            case 'A' -> arch = value;
            case 'L' -> license = value;
            case 'o' -> origin = value;
            default -> {
            }
        }
    }

    private void endEntry() {
        if (!inEntry) {
            return;
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            warn("apk.malformed-entry", "the entry at line " + entryStart + " has no "
                    + (name == null || name.isEmpty() ? "P: (name)" : "V: (version)") + "; skipped");
        } else {
            entries.add(new Entry(name, version, blankToNull(arch), blankToNull(license), blankToNull(origin)));
        }
        inEntry = false;
        name = null;
        version = null;
        arch = null;
        license = null;
        origin = null;
    }

    private void warn(String code, String message) {
        if (++warned <= MAX_WARNINGS) {
            warnings.warn(code, path + ": " + message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
