package dev.bulwark.engine.advisory.debian;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a Debian Security Tracker JSON for bookworm from the changelog facts in {@code ../shared/data/debian-bookworm}
 * (for tests and the accuracy benchmark): every (source, CVE) a changelog names is {@code resolved} in bookworm at
 * the version whose changelog entry first names it (the last row of {@code changelog_cve_fixed_versions.tsv}, which
 * lists newest first), and every row of {@code pending_security_fixes.tsv} is {@code resolved} at its
 * {@code fixed_version}, which wins. Urgency is {@code not yet assigned}: the changelogs do not say.
 */
public final class TrackerFixtures {
    private TrackerFixtures() {
    }

    /** Writes the tracker JSON to {@code out} and returns the number of (source, CVE) entries written. */
    public static int writeBookworm(Path debianBookwormData, Path out) {
        try {
            Map<String, Map<String, String>> fixed = new TreeMap<>();
            Map<String, String> installed = new TreeMap<>();
            for (String[] row : rows(debianBookwormData.resolve("changelog_cve_fixed_versions.tsv"),
                    "source", "version", "distribution", "date", "cve")) {
                fixed.computeIfAbsent(row[0], k -> new TreeMap<>()).put(row[4], row[1]);
            }
            for (String[] row : rows(debianBookwormData.resolve("pending_security_fixes.tsv"),
                    "package", "source", "bookworm_version", "fixed_version", "cve")) {
                fixed.computeIfAbsent(row[1], k -> new TreeMap<>()).put(row[4], row[3]);
                installed.put(row[1], row[2]);
            }
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            int n = 0;
            for (Map.Entry<String, Map<String, String>> source : fixed.entrySet()) {
                ObjectNode cves = root.putObject(source.getKey());
                for (Map.Entry<String, String> cve : source.getValue().entrySet()) {
                    ObjectNode bookworm = cves.putObject(cve.getKey()).put("description", "")
                            .putObject("releases").putObject("bookworm");
                    bookworm.put("status", "resolved");
                    bookworm.putObject("repositories").put("bookworm",
                            installed.getOrDefault(source.getKey(), cve.getValue()));
                    bookworm.put("fixed_version", cve.getValue()).put("urgency", "not yet assigned");
                    n++;
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a TSV whose first line must name {@code columns} exactly, so a changed file fails loudly. */
    static List<String[]> rows(Path tsv, String... columns) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        if (!lines.get(0).equals(String.join("\t", columns))) {
            throw new IllegalStateException(tsv + ": columns changed, expected " + List.of(columns));
        }
        // later rows overwrite earlier ones in a map, so the oldest changelog mention (last row) wins
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .toList();
    }
}
