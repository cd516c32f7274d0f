package dev.bulwark.cli;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.source.sbom.SbomReader;
import dev.bulwark.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code bulwark sbom FILE}: an existing CycloneDX or SPDX JSON document as the inventory. */
final class SbomCommand implements Command {
    private static final CommandDef DEF = new CommandDef("sbom",
            "Read an existing CycloneDX (1.4-1.6) or SPDX (2.2, 2.3) JSON SBOM as the inventory.",
            ReportOptions.OPTIONS, "FILE", true, "The SBOM document.", List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        ReportOptions report = new ReportOptions(args);
        ReportWriter writer = report.writer();
        Inventory inventory = SbomReader.read(Path.of(args.positional()));
        report.write(writer, inventory, io);
        report.summarizeWarnings(inventory, io.err());
        return 0;
    }
}
