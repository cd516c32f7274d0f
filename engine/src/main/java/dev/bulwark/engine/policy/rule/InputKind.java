package dev.bulwark.engine.policy.rule;

import java.util.Locale;
import java.util.Optional;

/** What a rule can be evaluated against. */
public enum InputKind {
    IMAGE, KUBERNETES, DOCKERFILE, COMPOSE;

    static Optional<InputKind> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
