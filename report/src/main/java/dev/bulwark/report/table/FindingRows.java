package dev.bulwark.report.table;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.report.ReportFindings;
import dev.bulwark.report.ReportText;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The findings part of the {@code table} format: one aligned table per scanner that ran. */
final class FindingRows {
    private FindingRows() {
    }

    static void write(Writer w, Assessment a) throws IOException {
        List<VulnerabilityFinding> vulns = ReportFindings.vulnerabilities(a);
        if (!vulns.isEmpty() || a.scanners().contains("vuln")) {
            w.write("Vulnerabilities: " + counts(vulns) + "\n");
            if (!vulns.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"PACKAGE", "VULNERABILITY", "SEVERITY", "STATUS", "INSTALLED", "FIXED", "TITLE"});
                for (VulnerabilityFinding v : vulns) {
                    rows.add(new String[] {cell(v.pkg().name()), cell(v.vulnerabilityId())
                            + (v.kev() != null ? " (KEV)" : ""), v.severity().name(), v.fixStatus().label(),
                            cell(v.pkg().version()), cell(String.join(", ", v.fixedVersions())),
                            cell(v.title() == null ? "" : v.title())});
                }
                TableWriter.writeAligned(w, rows);
            }
            w.write("\n");
        }
        List<SecretFinding> secrets = ReportFindings.secrets(a);
        if (!secrets.isEmpty() || a.scanners().contains("secret")) {
            w.write("Secrets: " + counts(secrets) + "\n");
            if (!secrets.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"SEVERITY", "RULE", "WHERE", "MATCH"});
                for (SecretFinding s : secrets) {
                    rows.add(new String[] {s.severity().name(), cell(s.ruleId()),
                            cell(where(s.location().path(), s.location().startLine())
                                    + (s.deletedLater() ? " (deleted later)" : "")), cell(s.masked())});
                }
                TableWriter.writeAligned(w, rows);
            }
            w.write("\n");
        }
        List<Misconfiguration> misconfigs = ReportFindings.misconfigurations(a);
        if (!misconfigs.isEmpty() || a.scanners().contains("misconfig")) {
            w.write("Misconfigurations: " + counts(misconfigs) + "\n");
            if (!misconfigs.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"SEVERITY", "CHECK", "WHERE", "MESSAGE"});
                for (Misconfiguration m : misconfigs) {
                    String where = where(m.location().path(), m.location().startLine())
                            + (m.location().resource() == null ? "" : " " + m.location().resource());
                    rows.add(new String[] {m.severity().name(), cell(m.checkId()), cell(where), cell(m.message())});
                }
                TableWriter.writeAligned(w, rows);
            }
            w.write("\n");
        }
    }

    private static String counts(List<? extends dev.bulwark.engine.finding.Finding> findings) {
        Map<Severity, Integer> c = ReportFindings.countBySeverity(findings);
        StringBuilder b = new StringBuilder().append(findings.size()).append(" (");
        List<String> parts = new ArrayList<>();
        for (Severity s : ReportFindings.severitiesDescending()) {
            if (c.get(s) > 0 || s.atLeast(Severity.LOW)) {
                parts.add(s.name() + ": " + c.get(s));
            }
        }
        return b.append(String.join(", ", parts)).append(")").toString();
    }

    private static String where(String path, int line) {
        return line > 0 ? path + ":" + line : path;
    }

    private static String cell(String text) {
        return ReportText.oneLine(text, TableWriter.MAX_CELL);
    }
}
