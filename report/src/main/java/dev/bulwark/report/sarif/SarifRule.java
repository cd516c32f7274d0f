package dev.bulwark.report.sarif;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.report.ReportFindings;
import java.io.IOException;
import java.util.List;

/** One SARIF {@code reportingDescriptor}: what a vulnerability, secret rule or check is, and how to fix it. */
final class SarifRule {
    private SarifRule() {
    }

    static void write(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("name", ruleName(f));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", shortText(f));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", fullText(f));
        g.writeEndObject();
        String help = helpUri(f);
        string(g, "helpUri", help);
        g.writeObjectFieldStart("help");
        g.writeStringField("text", helpText(f));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", SarifWriter.level(f.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("security-severity", SarifWriter.securitySeverity(f));
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        g.writeString(ReportFindings.kind(f));
        g.writeString(f.severity().name());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    // SARIF wants a name in PascalCase-ish identifier style; derive a stable one from the id.
    private static String ruleName(Finding f) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : f.id().toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return name.isEmpty() ? "Finding" : name.toString();
    }

    private static String shortText(Finding f) {
        return switch (f) {
            case VulnerabilityFinding v -> v.title() != null ? v.title() : v.vulnerabilityId();
            case SecretFinding s -> s.title() != null ? s.title() : s.ruleId();
            case Misconfiguration m -> m.title() != null ? m.title() : m.checkId();
        };
    }

    private static String fullText(Finding f) {
        return switch (f) {
            case VulnerabilityFinding v -> v.vulnerabilityId()
                    + (v.aliases().isEmpty() ? "" : " (also " + String.join(", ", v.aliases()) + ")")
                    + (v.title() == null ? "" : ": " + v.title());
            case SecretFinding s -> "A " + shortText(s) + " is stored in the target; anyone who can pull it can use it.";
            case Misconfiguration m -> shortText(m);
        };
    }

    private static String helpText(Finding f) {
        return switch (f) {
            case VulnerabilityFinding v -> v.fixable()
                    ? "Upgrade " + v.pkg().name() + " to " + String.join(" or ", v.fixedVersions()) + " or later."
                    : "No fixed version is known (" + v.fixStatus().label() + "); consider removing "
                            + v.pkg().name() + " or mitigating.";
            case SecretFinding s -> "Revoke the credential, remove it from every layer (rebuild without it) and pass"
                    + " it at run time instead.";
            case Misconfiguration m -> m.remediation() != null ? m.remediation() : shortText(m);
        };
    }

    private static String helpUri(Finding f) {
        List<String> refs = switch (f) {
            case VulnerabilityFinding v -> v.references();
            case SecretFinding s -> List.of();
            case Misconfiguration m -> m.references();
        };
        for (String r : refs) {
            if ((r.startsWith("https://") || r.startsWith("http://")) && isUri(r)) {
                return r;
            }
        }
        if (f instanceof VulnerabilityFinding v && v.vulnerabilityId().startsWith("CVE-")) {
            return "https://nvd.nist.gov/vuln/detail/" + v.vulnerabilityId();
        }
        return null;
    }

    private static boolean isUri(String text) {
        try {
            return new java.net.URI(text).isAbsolute() && text.length() < 2048;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
