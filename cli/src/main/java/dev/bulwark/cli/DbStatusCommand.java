package dev.bulwark.cli;

import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.DatabaseMetadata;
import dev.bulwark.engine.inventory.Warning;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code bulwark db status}: what the advisory database holds, how old it is and what its import skipped. */
final class DbStatusCommand implements Command {
    private static final CommandDef DEF = new CommandDef("db status",
            "Show the advisory database: build time, age, counts per source and ecosystem, import warnings.",
            List.of(AdvisoryDb.DB_DIR, ReportOptions.DEBUG), null, false, null, List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        Path file = AdvisoryDb.file(args);
        try (AdvisoryDatabase db = AdvisoryDb.open(args)) {
            db.verify();
            print(io, file, db.metadata());
        }
        return 0;
    }

    static void print(Io io, Path file, DatabaseMetadata m) {
        PrintWriter out = io.text();
        long size = 0;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            // shown as 0; the open already proved the file readable
        }
        Duration age = Duration.between(m.builtAt(), Instant.now());
        out.println("Database: " + file + " (" + size + " bytes, schema " + m.schemaVersion() + ")");
        out.println("Built:    " + m.builtAt() + " (" + age.toDays() + " days " + age.toHoursPart() + " hours ago)");
        out.println("Advisories: " + m.advisories() + " (" + m.withdrawn() + " withdrawn, " + m.merged()
                + " merged), package keys: " + m.packageKeys() + ", KEV entries: " + m.kevEntries()
                + ", EPSS scores: " + m.epssScores()
                + (m.epssScoreDate() == null ? "" : " (" + m.epssScoreDate() + ")"));
        out.println("Sources:");
        for (Map.Entry<String, Long> e : new TreeMap<>(m.sources()).entrySet()) {
            out.println("  " + e.getKey() + ": " + e.getValue());
        }
        out.println("Ecosystems:");
        for (Map.Entry<String, Long> e : new TreeMap<>(m.ecosystems()).entrySet()) {
            out.println("  " + Main.oneLine(e.getKey()) + ": " + e.getValue());
        }
        out.println("Import warnings: " + m.warningCount());
        for (Map.Entry<String, Long> e : new TreeMap<>(m.warnings()).entrySet()) {
            out.println("  " + e.getKey() + ": " + e.getValue());
        }
        for (Warning w : m.warningExamples()) {
            out.println("    e.g. " + Main.oneLine(w.message()));
        }
    }
}
