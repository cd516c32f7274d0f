package dev.bulwark.report.json;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.report.JsonOutput;
import dev.bulwark.report.ReportFindings;
import java.io.IOException;
import java.util.List;

/** The findings part of the {@code json} format: vulnerabilities, secrets and misconfigurations with evidence. */
final class FindingsJson {
    private FindingsJson() {
    }

    static void write(JsonGenerator g, Assessment a) throws IOException {
        List<VulnerabilityFinding> vulns = ReportFindings.vulnerabilities(a);
        if (!vulns.isEmpty() || a.scanners().contains("vuln")) {
            g.writeArrayFieldStart("vulnerabilities");
            for (VulnerabilityFinding v : vulns) {
                vulnerability(g, v);
            }
            g.writeEndArray();
        }
        List<SecretFinding> secrets = ReportFindings.secrets(a);
        if (!secrets.isEmpty() || a.scanners().contains("secret")) {
            g.writeArrayFieldStart("secrets");
            for (SecretFinding s : secrets) {
                g.writeStartObject();
                string(g, "ruleId", s.ruleId());
                string(g, "title", s.title());
                string(g, "severity", s.severity().name());
                string(g, "match", s.masked());
                g.writeBooleanField("deletedLater", s.deletedLater());
                location(g, s.location());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        List<Misconfiguration> misconfigs = ReportFindings.misconfigurations(a);
        if (!misconfigs.isEmpty() || a.scanners().contains("misconfig")) {
            g.writeArrayFieldStart("misconfigurations");
            for (Misconfiguration m : misconfigs) {
                g.writeStartObject();
                string(g, "checkId", m.checkId());
                string(g, "title", m.title());
                string(g, "severity", m.severity().name());
                string(g, "message", m.message());
                string(g, "remediation", m.remediation());
                location(g, m.location());
                strings(g, "references", m.references());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void vulnerability(JsonGenerator g, VulnerabilityFinding v) throws IOException {
        g.writeStartObject();
        string(g, "id", v.vulnerabilityId());
        strings(g, "aliases", v.aliases());
        string(g, "title", v.title());
        string(g, "severity", v.severity().name());
        string(g, "severitySource", v.severitySource());
        g.writeArrayFieldStart("cvss");
        for (VulnerabilityFinding.CvssScore c : v.cvss()) {
            g.writeStartObject();
            string(g, "version", c.version());
            string(g, "vector", c.vector());
            g.writeNumberField("score", c.score());
            if (c.severity() != null) {
                string(g, "severity", c.severity().name());
            }
            string(g, "source", c.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("package");
        string(g, "type", v.pkg().type());
        string(g, "name", v.pkg().name());
        string(g, "version", v.pkg().version());
        string(g, "purl", v.pkg().purl());
        string(g, "location", v.pkg().location());
        string(g, "layer", v.pkg().layer());
        g.writeEndObject();
        string(g, "fixStatus", v.fixStatus().label());
        strings(g, "fixedVersions", v.fixedVersions());
        VulnerabilityFinding.MatchEvidence e = v.evidence();
        g.writeObjectFieldStart("evidence");
        string(g, "matcher", e.matcher());
        string(g, "ecosystem", e.ecosystem());
        string(g, "queriedName", e.queriedName());
        strings(g, "advisories", e.advisoryIds());
        string(g, "rule", e.rule());
        string(g, "comparison", e.comparison());
        g.writeEndObject();
        if (v.kev() != null) {
            g.writeObjectFieldStart("kev");
            string(g, "dateAdded", v.kev().dateAdded());
            string(g, "dueDate", v.kev().dueDate());
            g.writeBooleanField("knownRansomwareUse", v.kev().knownRansomwareUse());
            g.writeEndObject();
        }
        if (v.epss() != null) {
            g.writeObjectFieldStart("epss");
            g.writeNumberField("score", v.epss().score());
            g.writeNumberField("percentile", v.epss().percentile());
            string(g, "date", v.epss().date());
            g.writeEndObject();
        }
        strings(g, "references", v.references());
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        g.writeObjectFieldStart("location");
        string(g, "path", l.path());
        if (l.startLine() > 0) {
            g.writeNumberField("startLine", l.startLine());
            g.writeNumberField("endLine", Math.max(l.startLine(), l.endLine()));
        }
        string(g, "layer", l.layer());
        string(g, "resource", l.resource());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : values) {
            JsonOutput.element(g, s);
        }
        g.writeEndArray();
    }
}
