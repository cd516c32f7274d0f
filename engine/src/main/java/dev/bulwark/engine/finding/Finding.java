package dev.bulwark.engine.finding;

/** One thing wrong with a target. Each kind carries the evidence a user needs to trust or dismiss it. */
public sealed interface Finding permits VulnerabilityFinding, SecretFinding, Misconfiguration {

    /** A stable identifier of what was found: a check id, a secret rule id, an advisory id. */
    String id();

    Severity severity();

    Location location();
}
