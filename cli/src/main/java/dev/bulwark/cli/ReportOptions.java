package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportWriter;
import dev.bulwark.report.ReportWriters;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/** The output flags every scanning command shares: format, output file, quiet, debug. */
final class ReportOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format: table, json, cyclonedx, spdx-json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (written whole or not at all).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no warnings summary on standard error.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /** Validates the format before any work is done, so a typo fails fast. */
    ReportWriter writer() {
        return ReportWriters.standard(ReportContext.system()).require(format);
    }

    void write(ReportWriter writer, Inventory inventory, PrintWriter text, OutputStream stdout) {
        try {
            if (output == null) {
                text.flush();
                OutputStream out = new BufferedOutputStream(new NonClosing(stdout), 1 << 16);
                writer.write(inventory, out);
                out.flush();
                return;
            }
            Path target = output.toAbsolutePath();
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".bulwark-", ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    writer.write(inventory, out);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write report"
                    + (output == null ? "" : " to " + output) + ": " + e.getMessage(), e);
        }
    }

    /** Prints how many warnings there were (each one line) on standard error, unless quiet. */
    void summarizeWarnings(Inventory inventory, PrintWriter err) {
        if (quiet || inventory.warnings().isEmpty()) {
            return;
        }
        int shown = 0;
        for (var w : inventory.warnings()) {
            if (shown++ == 20) {
                err.println("bulwark: warning: ... and " + (inventory.warnings().size() - 20)
                        + " more (all are in the JSON report)");
                break;
            }
            err.println("bulwark: warning: " + Main.oneLine(w.message()));
        }
        err.println("bulwark: " + inventory.warnings().size() + " warning(s): some content was skipped");
    }

    /** Lets a writer flush System.out without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
