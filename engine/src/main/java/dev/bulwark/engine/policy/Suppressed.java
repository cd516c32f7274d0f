package dev.bulwark.engine.policy;

import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.policy.exception.ExceptionEntry;
import dev.bulwark.engine.policy.vex.VexStatement;

/** A finding kept out of the result, with what suppressed it: exactly one of {@code exception} or {@code vex}. */
public record Suppressed(Finding finding, ExceptionEntry exception, VexStatement vex) {

    public Suppressed {
        if ((exception == null) == (vex == null)) {
            throw new IllegalArgumentException("exactly one of exception or vex");
        }
    }
}
