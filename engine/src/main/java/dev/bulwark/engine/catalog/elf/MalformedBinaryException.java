package dev.bulwark.engine.catalog.elf;

/** A binary whose headers or offsets point outside what could be read: truncated, fake or hostile. */
public final class MalformedBinaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedBinaryException(String message) {
        super(message);
    }
}
