package dev.bulwark.engine.config.dockerfile;

import dev.bulwark.engine.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a built-in Dockerfile check is: the facts a policy, a report or the documentation shows about it.
 *
 * @param id {@code dockerfile.<slug>}
 * @param title what the check is about, one sentence
 * @param remediation what to change when it fails
 * @param references documentation addresses
 */
public record CheckInfo(String id, String title, Severity severity, String remediation, List<String> references) {
    public CheckInfo {
        Objects.requireNonNull(id, "id");
        if (!id.startsWith("dockerfile.")) {
            throw new IllegalArgumentException("Dockerfile check ids start with 'dockerfile.': " + id);
        }
        Objects.requireNonNull(severity, "severity");
        references = List.copyOf(references);
    }
}
