package dev.bulwark.report.html;

import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.LayerInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The three finding tables of the HTML page, each row tagged with its severity so the filter can hide it. */
final class FindingTables {
    private static final int CELL = 120;

    private FindingTables() {
    }

    static void vulnerabilities(Writer w, List<VulnerabilityFinding> vulns, List<LayerInfo> layers, boolean ran)
            throws IOException {
        if (vulns.isEmpty() && !ran) {
            return;
        }
        w.write("<section id=\"vulnerabilities\"><h2>Vulnerabilities (" + vulns.size() + ")</h2>\n");
        if (vulns.isEmpty()) {
            w.write("<p class=\"none\">No known vulnerabilities found.</p></section>\n");
            return;
        }
        w.write("<table class=\"findings\"><thead><tr><th>severity</th><th>vulnerability</th><th>package</th>"
                + "<th>installed</th><th>fixed in</th><th>layer</th><th>what to do</th></tr></thead><tbody>\n");
        for (VulnerabilityFinding v : vulns) {
            StringBuilder id = new StringBuilder(link(v));
            if (v.kev() != null) {
                id.append(" <span class=\"kev\" title=\"CISA Known Exploited Vulnerabilities\">KEV</span>");
            }
            if (v.epss() != null) {
                id.append(String.format(Locale.ROOT, " <span class=\"epss\">EPSS %.1f%%</span>", v.epss().score() * 100));
            }
            if (!v.aliases().isEmpty()) {
                id.append("<br><small>").append(Html.line(String.join(", ", v.aliases()), CELL)).append("</small>");
            }
            if (v.title() != null) {
                id.append("<br><small>").append(Html.line(v.title(), 200)).append("</small>");
            }
            String remedy = v.fixable() ? "Upgrade to " + String.join(" or ", v.fixedVersions())
                    : switch (v.fixStatus()) {
                        case WONT_FIX -> "No fix planned by the distribution: remove the package or accept the risk";
                        case END_OF_LIFE -> "The release is out of support: move to a supported base image";
                        default -> "No fix yet: watch for one, or remove the package";
                    };
            w.write(row(v.severity().name(), id.toString(),
                    Html.line(v.pkg().name(), CELL) + "<br><small>" + Html.line(v.pkg().type(), 20) + " · <code>"
                            + Html.line(v.pkg().location(), CELL) + "</code></small>",
                    Html.line(v.pkg().version(), CELL),
                    v.fixedVersions().isEmpty() ? "<em>" + v.fixStatus().label() + "</em>"
                            : Html.line(String.join(", ", v.fixedVersions()), CELL),
                    layerIndex(layers, v.pkg().layer()),
                    Html.line(remedy, 300) + (v.evidence().comparison() == null ? ""
                            : "<br><small>matched: " + Html.line(v.evidence().comparison(), 200) + "</small>")));
        }
        w.write("</tbody></table></section>\n");
    }

    static void secrets(Writer w, List<SecretFinding> secrets, List<LayerInfo> layers, boolean ran)
            throws IOException {
        if (secrets.isEmpty() && !ran) {
            return;
        }
        w.write("<section id=\"secrets\"><h2>Secrets (" + secrets.size() + ")</h2>\n");
        if (secrets.isEmpty()) {
            w.write("<p class=\"none\">No secrets found.</p></section>\n");
            return;
        }
        w.write("<table class=\"findings\"><thead><tr><th>severity</th><th>kind</th><th>where</th><th>value</th>"
                + "<th>layer</th><th>what to do</th></tr></thead><tbody>\n");
        for (SecretFinding s : secrets) {
            w.write(row(s.severity().name(),
                    Html.line(s.title() == null ? s.ruleId() : s.title(), CELL) + "<br><small>"
                            + Html.line(s.ruleId(), CELL) + "</small>",
                    "<code>" + Html.line(where(s.location().path(), s.location().startLine()), CELL) + "</code>"
                            + (s.deletedLater() ? "<br><small>deleted by a later layer, still shipped</small>" : ""),
                    "<code>" + Html.line(s.masked(), 60) + "</code>",
                    layerIndex(layers, s.location().layer()),
                    "Revoke it, rebuild without it, and pass it at run time"));
        }
        w.write("</tbody></table></section>\n");
    }

    static void misconfigurations(Writer w, List<Misconfiguration> items, boolean ran) throws IOException {
        if (items.isEmpty() && !ran) {
            return;
        }
        w.write("<section id=\"misconfigurations\"><h2>Misconfigurations (" + items.size() + ")</h2>\n");
        if (items.isEmpty()) {
            w.write("<p class=\"none\">No misconfigurations found.</p></section>\n");
            return;
        }
        w.write("<table class=\"findings\"><thead><tr><th>severity</th><th>check</th><th>where</th><th>problem</th>"
                + "<th>what to do</th></tr></thead><tbody>\n");
        for (Misconfiguration m : items) {
            String where = "<code>" + Html.line(where(m.location().path(), m.location().startLine()), CELL) + "</code>"
                    + (m.location().resource() == null ? ""
                            : "<br><small>" + Html.line(m.location().resource(), CELL) + "</small>");
            w.write(row(m.severity().name(), Html.line(m.checkId(), CELL) + "<br><small>"
                    + Html.line(m.title(), 200) + "</small>", where, Html.line(m.message(), 300),
                    Html.line(m.remediation(), 300)));
        }
        w.write("</tbody></table></section>\n");
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String row(String severity, String... cells) {
        StringBuilder b = new StringBuilder("<tr data-severity=\"" + severity + "\"><td><span class=\"sev sev-"
                + severity.toLowerCase(Locale.ROOT) + "\">" + severity + "</span></td>");
        for (String c : cells) {
            b.append("<td>").append(c).append("</td>");
        }
        return b.append("</tr>\n").toString();
    }

    private static String where(String path, int line) {
        return line > 0 ? path + ":" + line : path;
    }

    private static String layerIndex(List<LayerInfo> layers, String diffId) {
        if (diffId == null) {
            return "";
        }
        for (LayerInfo l : layers) {
            if (diffId.equals(l.diffId())) {
                return "<span title=\"" + Html.text(diffId) + "\">" + l.index() + "</span>";
            }
        }
        return "";
    }

    private static String link(VulnerabilityFinding v) {
        String id = Html.line(v.vulnerabilityId(), 80);
        String url = v.vulnerabilityId().matches("CVE-\\d{4}-\\d{4,}") ? "https://nvd.nist.gov/vuln/detail/"
                + v.vulnerabilityId() : v.vulnerabilityId().matches("GHSA(-[23456789cfghjmpqrvwx]{4}){3}")
                        ? "https://github.com/advisories/" + v.vulnerabilityId()
                        : v.vulnerabilityId().matches("[A-Z]+-[A-Za-z0-9._-]{1,80}") ? "https://osv.dev/vulnerability/"
                                + v.vulnerabilityId() : null;
        return url == null ? "<strong>" + id + "</strong>"
                : "<a href=\"" + Html.text(url) + "\" rel=\"noreferrer\"><strong>" + id + "</strong></a>";
    }
}
