package dev.bulwark.engine.source.daemon;

import java.io.IOException;

/** The engine's bytes are not the HTTP/1.1 this client speaks: a bad status line, header or chunk. */
final class HttpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    HttpProtocolException(String message) {
        super(message);
    }
}
