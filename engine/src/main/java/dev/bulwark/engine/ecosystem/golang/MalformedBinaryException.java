package dev.bulwark.engine.ecosystem.golang;

/** A binary whose headers or offsets point outside what could be read: truncated, fake or hostile. */
final class MalformedBinaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedBinaryException(String message) {
        super(message);
    }
}
