package dev.bulwark.report.table;

import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.report.ReportPackages;
import dev.bulwark.report.ReportText;
import dev.bulwark.report.ReportWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code table} format: a summary line, then either one aligned row per package (NAME, VERSION, TYPE and,
 * when any package was built from a differently named or versioned source, SOURCE) when nothing was matched or
 * checked, or one table per scanner that ran (vulnerabilities, secrets, misconfigurations); then the warnings. Every cell is escaped
 * and cut to {@value #MAX_CELL} characters so hostile names can neither forge rows nor wreck the alignment.
 */
public final class TableWriter implements ReportWriter {
    static final int MAX_CELL = 60;
    private static final int MAX_LINE = 200;

    @Override
    public String format() {
        return "table";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        Inventory inventory = assessment.inventory();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(summary(inventory));
        w.write("\n\n");
        if (assessment.scanners().isEmpty() && assessment.findings().isEmpty()) {
            List<Package> packages = ReportPackages.sorted(inventory);
            if (packages.isEmpty()) {
                w.write("No packages found.\n");
            } else {
                writeRows(w, packages);
            }
        } else {
            FindingRows.write(w, assessment);
        }
        List<Warning> warnings = ReportPackages.sortedWarnings(inventory);
        if (!warnings.isEmpty()) {
            w.write("\nWarnings:\n");
            for (Warning warning : warnings) {
                w.write("  " + ReportText.oneLine(warning.code() + ": " + warning.message(), MAX_LINE) + "\n");
            }
        }
        w.flush();
    }

    private static String summary(Inventory inventory) {
        Inventory.Target target = inventory.target();
        Distro distro = inventory.distro();
        String distroName = distro == null ? "unknown"
                : distro.prettyName() != null ? distro.prettyName() : distro.purlQualifier();
        return "Target: " + ReportText.oneLine(target.name(), MAX_LINE) + " (" + ReportText.oneLine(target.kind(), 20)
                + ")  Distro: " + ReportText.oneLine(distroName, MAX_CELL)
                + "  Packages: " + inventory.packages().size()
                + "  Warnings: " + inventory.warnings().size();
    }

    /** Writes rows (the first is the header) with columns padded to the widest cell; cells must be escaped. */
    static void writeAligned(Writer w, List<String[]> rows) throws IOException {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            w.write(line.toString().stripTrailing());
            w.write('\n');
        }
    }

    private static void writeRows(Writer w, List<Package> packages) throws IOException {
        boolean withSource = packages.stream().anyMatch(p -> !source(p).isEmpty());
        List<String[]> rows = new ArrayList<>(packages.size() + 1);
        rows.add(withSource ? new String[] {"NAME", "VERSION", "TYPE", "SOURCE"}
                : new String[] {"NAME", "VERSION", "TYPE"});
        for (Package p : packages) {
            String name = cell(p.name());
            String version = cell(p.version());
            String type = cell(p.type());
            rows.add(withSource ? new String[] {name, version, type, cell(source(p))}
                    : new String[] {name, version, type});
        }
        writeAligned(w, rows);
    }

    /** The source package when it says something the row does not: {@code glibc}, {@code gcc-defaults 1.203}. */
    private static String source(Package p) {
        String name = p.sourceName() == null || p.sourceName().isEmpty() ? p.name() : p.sourceName();
        boolean versionDiffers = p.sourceVersion() != null && !p.sourceVersion().isEmpty()
                && !p.sourceVersion().equals(p.version());
        if (versionDiffers) {
            return name + " " + p.sourceVersion();
        }
        return name.equals(p.name()) ? "" : name;
    }

    private static String cell(String text) {
        return ReportText.oneLine(text, MAX_CELL);
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
