package dev.bulwark.engine.ecosystem.rpm;

/**
 * The database file as a whole cannot be read (bad magic, truncated, a structure pointing outside the file). The
 * cataloger turns it into one warning naming the file; problems confined to one package are reported and skipped
 * by the readers themselves instead.
 */
final class MalformedDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedDatabaseException(String message) {
        super(message, null, false, false);
    }
}
