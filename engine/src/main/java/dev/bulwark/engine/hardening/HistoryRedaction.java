package dev.bulwark.engine.hardening;

/**
 * Masks credentials a builder wrote into an image's history, so that reports which show each layer's
 * {@code created_by} do not repeat a secret the hardening check reports masked: build arguments recorded as
 * {@code |2 DB_PASSWORD=... TOKEN=... /bin/sh -c ...} whose name and value make them a literal credential.
 */
public final class HistoryRedaction {
    private HistoryRedaction() {
    }

    /** The history line with secret build-argument values masked; null stays null. */
    public static String redact(String createdBy) {
        return BuildArgs.redact(createdBy);
    }
}
