package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.finding.Assessment;
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
import java.util.List;

/** The output flags every scanning command shares: format, output file, quiet, debug. */
final class ReportOptions {
    static final Opt FORMAT = Opt.value("FORMAT", "Report format: table (default), json, cyclonedx, spdx-json.",
            "--format", "-f");
    static final Opt OUTPUT = Opt.value("FILE",
            "Write the report to FILE instead of standard output (a regular file is written whole or not at all; a "
                    + "device or pipe in place).", "--output", "-o");
    static final Opt QUIET = Opt.flag("No progress and no warning summary on standard error.", "--quiet", "-q");
    static final Opt DEBUG = Opt.flag("Show stack traces with errors, and on standard error when each step of the scan "
            + "finished, in milliseconds since the JVM started.", "--debug");
    static final List<Opt> OPTIONS = List.of(FORMAT, OUTPUT, QUIET, DEBUG);

    final String format;
    final Path output;
    final boolean quiet;
    final boolean debug;
    /** The time the steps told so far took to tell. */
    private long debugNanos;

    ReportOptions(ParsedArgs args) {
        this.format = args.value("--format", "table");
        String out = args.value("--output");
        this.output = out == null ? null : Path.of(out);
        this.quiet = args.flag("--quiet");
        this.debug = args.flag("--debug");
    }

    /**
     * With {@code --debug}, says on standard error that a step finished and when: {@code bulwark: debug: inventory
     * (1558 packages) at 812 ms}, counted from the JVM's launch (its uptime; {@code getStartTime()} would leave out
     * the creation of the VM). What telling takes (loading the management classes that know the uptime, about 30 ms
     * the first time, and printing) is left out of every later step too, so the steps are those of a run without
     * {@code --debug}.
     */
    void step(Io io, String what) {
        if (debug) {
            long before = System.nanoTime();
            long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            long at = uptime - (System.nanoTime() - before + debugNanos) / 1_000_000;
            io.err().println("bulwark: debug: " + what + " at " + at + " ms");
            debugNanos += System.nanoTime() - before;
        }
    }

    /** Validates the format before any work is done, so a typo fails fast. */
    ReportWriter writer() {
        return ReportWriters.standard(ReportContext.system()).require(format);
    }

    /** Writes the report of what is shown; with {@code --debug}, the steps before and after it are told. */
    void writeShown(ReportWriter writer, Assessment shown, Io io) {
        step(io, "findings (" + shown.findings().size() + ")");
        write(writer, shown, io);
        step(io, "report written");
    }

    private void write(ReportWriter writer, Assessment assessment, Io io) {
        try {
            if (output == null) {
                io.text().flush();
                OutputStream out = new BufferedOutputStream(new NonClosing(io.out()), 1 << 16);
                writer.write(assessment, out);
                out.flush();
                return;
            }
            Path target = output.toAbsolutePath();
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                // /dev/null, /dev/stdout, a named pipe: written to in place. Renaming a finished file over one (as
                // below) would replace the device itself with a regular file.
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                    writer.write(assessment, out);
                }
                return;
            }
            if (Files.isSymbolicLink(target) && Files.exists(target)) {
                target = target.toRealPath(); // the link's file is replaced, not the link
            }
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".bulwark-", ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    writer.write(assessment, out);
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
