package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.inventory.Warning;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code bulwark db status} shows: the file's schema version and build time, how much it holds per source and
 * per ecosystem, and the import warnings counted by code with a few examples.
 *
 * @param sources advisories per feed ({@code osv}, {@code debian-tracker}, {@code alpine-secdb})
 * @param ecosystems affected-package records per ecosystem ({@code Debian:12}, {@code PyPI})
 * @param withdrawn advisories kept for display but left out of the package index
 * @param merged advisories delivered again under an id already seen and merged into it
 * @param epssModelVersion null when no EPSS file was imported; {@code epssScoreDate} likewise
 */
public record DatabaseMetadata(int schemaVersion, Instant builtAt, long advisories, long withdrawn, long merged,
        long packageKeys, long kevEntries, long epssScores, String epssModelVersion, String epssScoreDate,
        Map<String, Long> sources, Map<String, Long> ecosystems, Map<String, Long> warnings,
        List<Warning> warningExamples) {
    public DatabaseMetadata {
        Objects.requireNonNull(builtAt, "builtAt");
        sources = Map.copyOf(sources);
        ecosystems = Map.copyOf(ecosystems);
        warnings = Map.copyOf(warnings);
        warningExamples = List.copyOf(warningExamples);
    }

    /** The total number of warnings over all codes. */
    public long warningCount() {
        return warnings.values().stream().mapToLong(Long::longValue).sum();
    }
}
