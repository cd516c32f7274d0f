package dev.bulwark.engine.match;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads pending_security_fixes.tsv (package, source, bookworm_version, fixed_version, cve), header checked. */
final class TrackerFixturesRows {
    private TrackerFixturesRows() {
    }

    static List<String[]> pending(Path data) throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("pending_security_fixes.tsv"));
        if (!lines.get(0).equals("package\tsource\tbookworm_version\tfixed_version\tcve")) {
            throw new IllegalStateException("unexpected columns: " + lines.get(0));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }
}
