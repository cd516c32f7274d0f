package dev.bulwark.engine.ecosystem.rpm;

/** One package header cannot be read; that package is skipped with a warning and the rest are kept. */
final class MalformedHeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedHeaderException(String message) {
        super(message, null, false, false);
    }
}
