package dev.bulwark.engine;

/**
 * An error a user can cause or fix (bad reference, unreadable or hostile image, unreachable registry). The message is
 * one line naming the image, layer or file and, where it helps, what to do; the kind decides the exit code.
 */
public class BulwarkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;

    public BulwarkException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BulwarkException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
