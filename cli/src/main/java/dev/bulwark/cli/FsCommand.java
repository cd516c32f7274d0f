package dev.bulwark.cli;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code bulwark fs PATH}: inventory of an unpacked root filesystem or a project directory. */
final class FsCommand implements Command {
    private static final CommandDef DEF = new CommandDef("fs",
            "Inventory an unpacked root filesystem or a project directory.", ReportOptions.OPTIONS, "PATH", true,
            "The directory to scan. Links below it are never followed.", List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        ReportOptions report = new ReportOptions(args);
        ReportWriter writer = report.writer();
        Inventory inventory = new DirectoryScanner(Catalogers.all()).scan(Path.of(args.positional()));
        report.write(writer, inventory, io);
        report.summarizeWarnings(inventory, io.err());
        return 0;
    }
}
