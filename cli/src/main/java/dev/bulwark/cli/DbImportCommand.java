package dev.bulwark.cli;

import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.advisory.store.DatabaseMetadata;
import java.nio.file.Path;
import java.util.List;

/** {@code bulwark db import PATH...}: builds the advisory database from local feed files, for air-gapped sites. */
final class DbImportCommand implements Command {
    private static final CommandDef DEF = new CommandDef("db import",
            "Build the advisory database from local files, replacing the current one atomically.",
            List.of(AdvisoryDb.DB_DIR, ReportOptions.QUIET, ReportOptions.DEBUG), "PATH...", true,
            "OSV JSON files, directories or all.zip exports; Debian tracker JSON; Alpine secdb JSON; CISA KEV JSON;"
                    + " EPSS CSV (.gz).",
            List.of("", "  bulwark db import osv/ debian-tracker.json kev.json epss.csv.gz"));

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        for (String p : args.positionals()) {
            var format = Importers.importPath(Path.of(p), builder);
            if (!args.flag("--quiet")) {
                io.err().println("bulwark: imported " + Main.oneLine(p) + " as " + format.name().toLowerCase(
                        java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        Path file = AdvisoryDb.file(args);
        DatabaseMetadata meta = builder.writeAtomically(file);
        DbStatusCommand.print(io, file, meta);
        return 0;
    }
}
