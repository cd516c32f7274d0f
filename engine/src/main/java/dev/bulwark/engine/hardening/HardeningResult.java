package dev.bulwark.engine.hardening;

import dev.bulwark.engine.finding.Misconfiguration;
import java.util.List;
import java.util.Objects;

/** The hardening findings of one image and the base image it was found to be built on. */
public record HardeningResult(List<Misconfiguration> findings, BaseDetection base) {
    public HardeningResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(base, "base");
    }
}
