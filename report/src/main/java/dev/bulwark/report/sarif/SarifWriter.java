package dev.bulwark.report.sarif;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.report.JsonOutput;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportFindings;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code sarif} format: one SARIF 2.1.0 run with a rule per vulnerability, secret rule or check and a result per
 * finding. Levels and the {@code security-severity} property follow what GitHub code scanning reads, so findings
 * sort by severity there; paths are relative URIs under the {@code ROOTPATH} base (the image or directory root).
 */
public final class SarifWriter implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String BASE_ID = "ROOTPATH";
    static final String INFORMATION_URI = "https://github.com/bulwark-security/bulwark";

    private final ReportContext context;

    public SarifWriter(ReportContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        List<Finding> findings = ReportFindings.all(assessment);
        Map<String, Finding> rules = new LinkedHashMap<>();
        for (Finding f : findings) {
            rules.putIfAbsent(f.id(), f);
        }
        List<String> ruleIds = List.copyOf(rules.keySet());
        JsonGenerator g = JsonOutput.open(out);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "Bulwark");
        g.writeStringField("fullName", "Bulwark container security scanner");
        g.writeStringField("version", context.toolVersion());
        g.writeStringField("informationUri", INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        for (Finding f : rules.values()) {
            SarifRule.write(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (Finding f : findings) {
            writeResult(g, f, ruleIds.indexOf(f.id()));
        }
        g.writeEndArray();
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(BASE_ID);
        g.writeStringField("uri", "file:///");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        string(g, "target", assessment.inventory().target().name());
        string(g, "targetKind", assessment.inventory().target().kind());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        JsonOutput.finish(g);
    }

    private static void writeResult(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.id());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", resultText(f));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", SarifUris.relative(f.location().path()));
        g.writeStringField("uriBaseId", BASE_ID);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        int start = Math.max(1, f.location().startLine());
        g.writeNumberField("startLine", start);
        g.writeNumberField("endLine", Math.max(start, f.location().endLine()));
        g.writeEndObject();
        g.writeEndObject();
        if (f.location().resource() != null) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("fullyQualifiedName", f.location().resource());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("kind", ReportFindings.kind(f));
        g.writeStringField("severity", f.severity().name());
        string(g, "layer", f.location().layer());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String resultText(Finding f) {
        String base = ReportFindings.message(f);
        return switch (f) {
            case VulnerabilityFinding v -> base + ". Package: " + v.pkg().type() + "/" + v.pkg().name()
                    + ", installed: " + v.pkg().version() + ", fixed: "
                    + (v.fixedVersions().isEmpty() ? v.fixStatus().label() : String.join(", ", v.fixedVersions()))
                    + (v.evidence().comparison() == null ? "" : ", decided by: " + v.evidence().comparison());
            case SecretFinding s -> base;
            case Misconfiguration m -> m.remediation() == null ? base : base + ". " + m.remediation();
        };
    }

    /** GitHub shows {@code error} as high, {@code warning} as medium, {@code note} as low. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    /** GitHub's {@code security-severity}: a CVSS-like score whose bands match the severity names. */
    static String securitySeverity(Finding f) {
        if (f instanceof VulnerabilityFinding v) {
            double best = v.cvss().stream().mapToDouble(VulnerabilityFinding.CvssScore::score).max().orElse(-1);
            if (best >= 0 && bandOf(best) == v.severity()) {
                return String.format(Locale.ROOT, "%.1f", best);
            }
        }
        return switch (f.severity()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            default -> "0.0";
        };
    }

    private static Severity bandOf(double score) {
        return score >= 9.0 ? Severity.CRITICAL : score >= 7.0 ? Severity.HIGH : score >= 4.0 ? Severity.MEDIUM
                : score > 0 ? Severity.LOW : Severity.UNKNOWN;
    }
}
