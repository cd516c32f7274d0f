package dev.bulwark.engine.finding;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that breaks a check: a Dockerfile instruction, a Kubernetes field, an image setting.
 *
 * @param checkId Bulwark's own id of the check ({@code dockerfile.root-user}, {@code k8s.privileged})
 * @param title what the check is about, one short sentence
 * @param message what exactly is wrong here, naming the offending value
 * @param remediation what to change
 * @param references documentation addresses
 */
public record Misconfiguration(String checkId, String title, Severity severity, String message, String remediation,
        Location location, List<String> references) implements Finding {

    public Misconfiguration {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        references = references == null ? List.of() : List.copyOf(references);
    }

    @Override
    public String id() {
        return checkId;
    }
}
