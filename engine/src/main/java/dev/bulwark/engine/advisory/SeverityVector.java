package dev.bulwark.engine.advisory;

import java.util.Objects;

/** A severity as the advisory states it: a CVSS vector string or a distro priority word, unscored. */
public record SeverityVector(SeverityType type, String score) {
    public SeverityVector {
        Objects.requireNonNull(type, "type");
        Text.require(score, "severity score", 512);
    }
}
