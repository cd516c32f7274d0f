package dev.bulwark.engine.layer;

import java.io.IOException;

/** A tar archive is malformed: bad checksum, truncated, impossible length. */
public final class TarFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public TarFormatException(String message) {
        super(message);
    }
}
