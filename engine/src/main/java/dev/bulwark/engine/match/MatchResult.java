package dev.bulwark.engine.match;

import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Warning;
import java.util.List;

/**
 * What matching found: one finding per vulnerability per package, and what it had to skip (packages of unknown
 * ecosystems, versions the ecosystem's rules cannot read), counted rather than lost.
 *
 * @param packagesMatched how many packages were looked up
 */
public record MatchResult(List<VulnerabilityFinding> findings, List<Warning> warnings, int packagesMatched) {
    public MatchResult {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
