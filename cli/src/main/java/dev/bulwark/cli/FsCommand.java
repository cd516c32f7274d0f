package dev.bulwark.cli;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code bulwark fs PATH}: inventory of an unpacked root filesystem or a project directory. */
final class FsCommand implements Command {
    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new java.util.ArrayList<>(FindingOptions.OPTIONS);
        all.addAll(ReportOptions.OPTIONS);
        OPTIONS = List.copyOf(all);
    }

    private static final CommandDef DEF = new CommandDef("fs",
            "Inventory an unpacked root filesystem or a project directory and match it against the advisory database.",
            OPTIONS, "PATH", true,
            "The directory to scan. Links below it are never followed.", List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        ReportOptions report = new ReportOptions(args);
        report.step(io, "command started");
        ReportWriter writer = report.writer();
        FindingOptions findings = new FindingOptions(args, java.util.Set.of("vuln", "secret", "misconfig"));
        var scanned = new DirectoryScanner(Catalogers.all(),
                findings.withScanners(dev.bulwark.engine.scan.ScanOptions.defaults())).index(Path.of(args.positional()));
        Inventory inventory = scanned.inventory();
        report.step(io, "inventory (" + inventory.packages().size() + " packages)");
        List<dev.bulwark.engine.finding.Finding> other = new java.util.ArrayList<>(scanned.secrets());
        List<dev.bulwark.engine.policy.PolicySubject> subjects = new java.util.ArrayList<>();
        if (findings.scanners.contains("misconfig")) {
            List<dev.bulwark.engine.inventory.Warning> warnings = new java.util.ArrayList<>(inventory.warnings());
            other.addAll(ConfigCommand.check(Path.of(args.positional()), warnings, subjects).findings());
            inventory = new Inventory(inventory.target(), inventory.distro(), inventory.layers(),
                    inventory.packages(), warnings);
        }
        FindingOptions.Outcome outcome = findings.decide(findings.assess(inventory, other, io, report.quiet),
                subjects, io, report.quiet);
        report.writeShown(writer, outcome.shown(), io);
        report.summarizeWarnings(outcome.shown().inventory(), io.err());
        return outcome.exitCode();
    }
}
