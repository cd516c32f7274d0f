package dev.bulwark.cli;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.report.ReportWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bulwark fs PATH}: inventory of an unpacked root filesystem or a project directory. */
@Command(name = "fs", description = "Inventory an unpacked root filesystem or a project directory.",
        mixinStandardHelpOptions = true)
final class FsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The directory to scan. Links below it are never followed.")
    Path path;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Override
    public Integer call() {
        ReportWriter writer = report.writer();
        Inventory inventory = new DirectoryScanner(Catalogers.all()).scan(path);
        report.write(writer, inventory, spec.commandLine().getOut(), BulwarkCommand.stdout(spec));
        report.summarizeWarnings(inventory, spec.commandLine().getErr());
        return 0;
    }
}
