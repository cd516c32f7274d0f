package dev.bulwark.engine.config.compose;

import dev.bulwark.engine.finding.Misconfiguration;
import java.util.List;

/**
 * What a scan of one Compose file found.
 *
 * @param findings every check failure, in service order
 * @param services how many services were checked
 * @param warnings what could not be read, one line each
 */
public record ComposeScan(List<Misconfiguration> findings, int services, List<String> warnings) {

    public ComposeScan {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
