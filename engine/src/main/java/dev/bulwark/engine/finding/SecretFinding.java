package dev.bulwark.engine.finding;

import java.util.Objects;

/**
 * A credential found in a file or in image configuration. The secret itself is never kept: only a masked form.
 *
 * @param ruleId Bulwark's id of the rule that matched ({@code secret.aws-access-key-id})
 * @param title the kind of credential
 * @param masked the match with all but a few leading characters replaced by {@code *}
 * @param deletedLater true when a later image layer deletes the file: it still ships in the earlier layer
 */
public record SecretFinding(String ruleId, String title, Severity severity, Location location, String masked,
        boolean deletedLater) implements Finding {

    public SecretFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(masked, "masked");
    }

    @Override
    public String id() {
        return ruleId;
    }
}
