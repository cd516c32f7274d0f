package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a check is about, the same for every finding it makes.
 *
 * @param id Bulwark's id, {@code k8s.<slug>} or {@code compose.<slug>}
 * @param title one short sentence
 * @param remediation what to change
 * @param references documentation addresses
 */
public record CheckDescription(String id, String title, Severity severity, String remediation,
        List<String> references) {

    static final String PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

    public CheckDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        references = references == null ? List.of() : List.copyOf(references);
    }

    static CheckDescription of(String id, String title, Severity severity, String remediation, String... refs) {
        return new CheckDescription(id, title, severity, remediation, List.of(refs));
    }
}
