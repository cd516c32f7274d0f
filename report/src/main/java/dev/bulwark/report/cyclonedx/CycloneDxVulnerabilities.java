package dev.bulwark.report.cyclonedx;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CycloneDX 1.6 {@code vulnerabilities} array: one entry per vulnerability, affecting every component it was
 * found in, with ratings, fixed versions as the recommendation and Bulwark's evidence as properties.
 */
final class CycloneDxVulnerabilities {
    private CycloneDxVulnerabilities() {
    }

    static void write(JsonGenerator g, List<VulnerabilityFinding> findings, Map<Package, String> refOf)
            throws IOException {
        if (findings.isEmpty()) {
            return;
        }
        Map<String, List<VulnerabilityFinding>> byId = new LinkedHashMap<>();
        for (VulnerabilityFinding f : findings) {
            byId.computeIfAbsent(f.vulnerabilityId(), k -> new ArrayList<>()).add(f);
        }
        g.writeArrayFieldStart("vulnerabilities");
        for (var e : byId.entrySet()) {
            VulnerabilityFinding first = e.getValue().get(0);
            g.writeStartObject();
            g.writeStringField("bom-ref", "vuln:" + e.getKey());
            g.writeStringField("id", e.getKey());
            source(g, e.getKey());
            if (!first.aliases().isEmpty()) {
                g.writeArrayFieldStart("references");
                for (String alias : first.aliases()) {
                    g.writeStartObject();
                    g.writeStringField("id", alias);
                    source(g, alias);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            ratings(g, first);
            string(g, "description", first.title());
            List<String> fixes = e.getValue().stream().flatMap(f -> f.fixedVersions().stream()).distinct().toList();
            if (!fixes.isEmpty()) {
                g.writeStringField("recommendation", "Upgrade to " + String.join(" or ", fixes) + " or later.");
            }
            List<String> urls = first.references().stream().filter(r -> r.startsWith("https://")
                    || r.startsWith("http://")).filter(CycloneDxVulnerabilities::isUri).distinct().toList();
            if (!urls.isEmpty()) {
                g.writeArrayFieldStart("advisories");
                for (String url : urls) {
                    g.writeStartObject();
                    g.writeStringField("url", url);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("affects");
            for (VulnerabilityFinding f : e.getValue()) {
                String ref = refOf.get(f.pkg());
                if (ref == null) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("ref", ref);
                g.writeArrayFieldStart("versions");
                g.writeStartObject();
                g.writeStringField("version", f.pkg().version().length() > 1024
                        ? f.pkg().version().substring(0, 1024) : f.pkg().version());
                g.writeStringField("status", "affected");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("properties");
            property(g, "bulwark:vulnerability:fixStatus", first.fixStatus().label());
            property(g, "bulwark:vulnerability:severitySource", first.severitySource());
            property(g, "bulwark:vulnerability:matcher", first.evidence().matcher());
            property(g, "bulwark:vulnerability:rule", first.evidence().rule());
            property(g, "bulwark:vulnerability:comparison", first.evidence().comparison());
            if (first.kev() != null) {
                property(g, "bulwark:vulnerability:kev:dateAdded", first.kev().dateAdded());
            }
            if (first.epss() != null) {
                property(g, "bulwark:vulnerability:epss", String.format(Locale.ROOT, "%.5f", first.epss().score()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void ratings(JsonGenerator g, VulnerabilityFinding f) throws IOException {
        g.writeArrayFieldStart("ratings");
        g.writeStartObject();
        if (f.severitySource() != null) {
            g.writeObjectFieldStart("source");
            g.writeStringField("name", f.severitySource());
            g.writeEndObject();
        }
        g.writeStringField("severity", severity(f.severity()));
        g.writeStringField("method", "other");
        g.writeEndObject();
        for (VulnerabilityFinding.CvssScore c : f.cvss()) {
            g.writeStartObject();
            if (c.source() != null) {
                g.writeObjectFieldStart("source");
                g.writeStringField("name", c.source());
                g.writeEndObject();
            }
            g.writeNumberField("score", c.score());
            if (c.severity() != null) {
                g.writeStringField("severity", severity(c.severity()));
            }
            g.writeStringField("method", switch (c.version()) {
                case "2.0" -> "CVSSv2";
                case "3.0" -> "CVSSv3";
                case "3.1" -> "CVSSv31";
                case "4.0" -> "CVSSv4";
                default -> "other";
            });
            g.writeStringField("vector", c.vector());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void source(JsonGenerator g, String id) throws IOException {
        String name;
        String url;
        if (id.startsWith("CVE-")) {
            name = "NVD";
            url = "https://nvd.nist.gov/vuln/detail/" + id;
        } else if (id.startsWith("GHSA-")) {
            name = "GitHub";
            url = "https://github.com/advisories/" + id;
        } else {
            name = "OSV";
            url = "https://osv.dev/vulnerability/" + id;
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("name", name);
        if (isUri(url)) {
            g.writeStringField("url", url);
        }
        g.writeEndObject();
    }

    private static String severity(Severity s) {
        return switch (s) {
            case CRITICAL -> "critical";
            case HIGH -> "high";
            case MEDIUM -> "medium";
            case LOW -> "low";
            case NEGLIGIBLE -> "info";
            case UNKNOWN -> "unknown";
        };
    }

    private static boolean isUri(String text) {
        try {
            return new java.net.URI(text).isAbsolute() && text.length() < 2048;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void property(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("name", name);
        string(g, "value", value);
        g.writeEndObject();
    }
}
