package dev.bulwark.report.html;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportFindings;
import dev.bulwark.report.ReportPackages;
import dev.bulwark.report.ReportWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code html} format: one self-contained page (no external resource, a Content-Security-Policy that allows
 * only its own style and its one script) with a summary, a chart of findings by severity, the findings with what to
 * do about each, a per-layer view and the package list. Everything from the target is escaped text.
 */
public final class HtmlWriter implements ReportWriter {
    private static final int CELL = 120;
    private final ReportContext context;

    public HtmlWriter(ReportContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Inventory inv = assessment.inventory();
        List<VulnerabilityFinding> vulns = ReportFindings.vulnerabilities(assessment);
        List<SecretFinding> secrets = ReportFindings.secrets(assessment);
        List<Misconfiguration> misconfigs = ReportFindings.misconfigurations(assessment);
        List<Finding> all = ReportFindings.all(assessment);
        Map<Severity, Integer> counts = ReportFindings.countBySeverity(all);
        String title = "Bulwark report: " + inv.target().name();

        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                + " img-src data:; script-src '" + PageAssets.scriptHash() + "'\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>" + Html.line(title, 200) + "</title>\n<style>" + PageAssets.STYLE + "</style>\n</head>\n<body>\n");
        w.write("<header><h1>" + Html.line(title, 200) + "</h1>\n<p class=\"meta\">");
        meta(w, inv, assessment);
        w.write("</p></header>\n");

        w.write("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
        card(w, "packages", inv.packages().size());
        card(w, "vulnerabilities", vulns.size());
        card(w, "fixable", (int) vulns.stream().filter(VulnerabilityFinding::fixable).count());
        card(w, "exploited (KEV)", (int) vulns.stream().filter(v -> v.kev() != null).count());
        card(w, "secrets", secrets.size());
        card(w, "misconfigurations", misconfigs.size());
        w.write("</div>\n<div class=\"severity\">");
        w.write(SeverityChart.svg(ReportFindings.severitiesDescending(), counts));
        w.write("<table class=\"counts\"><tr>");
        for (Severity s : ReportFindings.severitiesDescending()) {
            w.write("<th>" + s.name() + "</th>");
        }
        w.write("</tr><tr>");
        for (Severity s : ReportFindings.severitiesDescending()) {
            w.write("<td id=\"count-" + s.label() + "\">" + counts.get(s) + "</td>");
        }
        w.write("</tr></table></div>\n");
        w.write("<form id=\"filter\" hidden>Show: ");
        for (Severity s : ReportFindings.severitiesDescending()) {
            w.write("<label><input type=\"checkbox\" name=\"severity\" value=\"" + s.name() + "\" checked> "
                    + s.name() + "</label> ");
        }
        w.write("</form>\n</section>\n");

        FindingTables.vulnerabilities(w, vulns, inv.layers(), assessment.scanners().contains("vuln"));
        FindingTables.secrets(w, secrets, inv.layers(), assessment.scanners().contains("secret"));
        FindingTables.misconfigurations(w, misconfigs, assessment.scanners().contains("misconfig"));
        layers(w, inv, all);
        packages(w, inv);
        if (!inv.warnings().isEmpty()) {
            w.write("<section id=\"warnings\"><h2>Warnings (" + inv.warnings().size() + ")</h2><ul>");
            for (var warning : ReportPackages.sortedWarnings(inv)) {
                w.write("<li><code>" + Html.line(warning.code(), 80) + "</code> " + Html.line(warning.message(), 300)
                        + "</li>");
            }
            w.write("</ul></section>\n");
        }
        w.write("<footer>Generated by Bulwark " + Html.line(context.toolVersion(), 40) + " at "
                + context.now() + "</footer>\n");
        w.write("<script>" + PageAssets.SCRIPT + "</script>\n</body>\n</html>\n");
        w.flush();
    }

    private static void meta(Writer w, Inventory inv, Assessment a) throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add(Html.line(inv.target().kind(), 20));
        if (inv.target().manifestDigest() != null) {
            parts.add("<code>" + Html.line(inv.target().manifestDigest(), 80) + "</code>");
        }
        if (inv.distro() != null) {
            parts.add(Html.line(inv.distro().prettyName() != null ? inv.distro().prettyName()
                    : inv.distro().purlQualifier(), 80));
        }
        if (a.database() != null) {
            parts.add("advisory database built " + Html.line(a.database().builtAt(), 40));
        }
        w.write(String.join(" · ", parts));
    }

    private static void card(Writer w, String label, int n) throws IOException {
        w.write("<div class=\"card\"><span class=\"n\">" + n + "</span><span>" + Html.text(label) + "</span></div>");
    }

    private static void layers(Writer w, Inventory inv, List<Finding> findings) throws IOException {
        if (inv.layers().isEmpty()) {
            return;
        }
        w.write("<section id=\"layers\"><h2>Layers</h2>\n<table><thead><tr><th>#</th><th>created by</th>"
                + "<th>size</th><th>packages added</th><th>findings</th></tr></thead><tbody>\n");
        for (LayerInfo l : inv.layers()) {
            long pkgs = inv.packages().stream().filter(p -> l.diffId().equals(p.layer())).count();
            Map<Severity, Integer> byLayer = ReportFindings.countBySeverity(
                    findings.stream().filter(f -> l.diffId().equals(f.location().layer())).toList());
            StringBuilder cell = new StringBuilder();
            for (Severity s : ReportFindings.severitiesDescending()) {
                if (byLayer.get(s) > 0) {
                    cell.append("<span class=\"sev sev-").append(s.label()).append("\">").append(s.name())
                            .append(' ').append(byLayer.get(s)).append("</span> ");
                }
            }
            w.write("<tr><td>" + l.index() + "</td><td class=\"cmd\" title=\"" + Html.text(l.diffId()) + "\">"
                    + Html.line(l.createdBy() == null ? l.diffId() : l.createdBy(), 300) + "</td><td>"
                    + (l.size() < 0 ? "" : FindingTables.bytes(l.size())) + "</td><td>" + pkgs + "</td><td>"
                    + cell + "</td></tr>\n");
        }
        w.write("</tbody></table></section>\n");
    }

    private static void packages(Writer w, Inventory inv) throws IOException {
        List<Package> pkgs = ReportPackages.sorted(inv);
        w.write("<section id=\"packages\"><details><summary><h2>Packages (" + pkgs.size() + ")</h2></summary>\n"
                + "<table><thead><tr><th>name</th><th>version</th><th>type</th><th>location</th></tr></thead><tbody>\n");
        for (Package p : pkgs) {
            w.write("<tr><td>" + Html.line(p.name(), CELL) + "</td><td>" + Html.line(p.version(), CELL) + "</td><td>"
                    + Html.line(p.type(), 20) + "</td><td><code>" + Html.line(p.location(), CELL)
                    + "</code></td></tr>\n");
        }
        w.write("</tbody></table></details></section>\n");
    }
}
