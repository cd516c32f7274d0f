package dev.bulwark.engine.layer;

import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Warning;
import java.util.List;

/**
 * The secrets found in one layer's files (paths relative to the root, no layer set yet) and the warnings of that
 * scan (files too large to scan, rules cut short). Cached per diffID and secret rule set version.
 */
public record LayerSecrets(List<SecretFinding> findings, List<Warning> warnings) {
    public LayerSecrets {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
