package dev.bulwark.engine.finding;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, in the scale users know from other scanners; declared from least to most severe. */
public enum Severity {
    UNKNOWN, NEGLIGIBLE, LOW, MEDIUM, HIGH, CRITICAL;

    /** The severity named {@code text} in any case ({@code "high"}, {@code "HIGH"}), or empty. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
