package dev.bulwark.cli;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.source.sbom.SbomReader;
import dev.bulwark.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bulwark sbom FILE}: an existing CycloneDX or SPDX JSON document as the inventory, matched against the
 * advisory database like a scanned image (so a stored SBOM can be re-evaluated when advisories change).
 */
final class SbomCommand implements Command {
    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new ArrayList<>(FindingOptions.OPTIONS);
        all.remove(FindingOptions.SECRET_CONFIG); // an SBOM has no file contents to search
        all.addAll(ReportOptions.OPTIONS);
        OPTIONS = List.copyOf(all);
    }

    private static final CommandDef DEF = new CommandDef("sbom",
            "Read an existing CycloneDX (1.4-1.6) or SPDX (2.2, 2.3) JSON SBOM and match it against the advisory"
                    + " database.", OPTIONS, "FILE", true, "The SBOM document.", List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        ReportOptions report = new ReportOptions(args);
        report.step(io, "command started");
        ReportWriter writer = report.writer();
        FindingOptions findings = new FindingOptions(args, Set.of("vuln"));
        Inventory inventory = SbomReader.read(Path.of(args.positional()));
        report.step(io, "inventory (" + inventory.packages().size() + " packages)");
        FindingOptions.Outcome outcome = findings.decide(findings.assess(inventory, List.of(), io, report.quiet),
                List.of(), io, report.quiet);
        report.writeShown(writer, outcome.shown(), io);
        report.summarizeWarnings(outcome.shown().inventory(), io.err());
        return outcome.exitCode();
    }
}
