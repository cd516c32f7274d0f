package dev.bulwark.engine.version;

import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The version-ordering vectors of {@code ../shared/data/versions}: TSV rows after the header line. */
public final class VersionVectors {
    private VersionVectors() {
    }

    /** The file's path. */
    public static Path file(String name) {
        return Fixtures.sharedData().resolve("versions").resolve(name);
    }

    /** The rows of a TSV file, header skipped, each split on tabs. */
    public static List<String[]> rows(String name) {
        try {
            List<String> lines = Files.readAllLines(file(name), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
