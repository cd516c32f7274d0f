package dev.bulwark.engine.source.daemon;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** One HTTP response; its body owns the connection, so closing the response closes the socket. */
record HttpResponse(ResponseHead head, InputStream body) implements Closeable {
    int status() {
        return head.status();
    }

    /** Reads the whole body, failing when it is longer than {@code limit} bytes. */
    byte[] readBody(int limit) throws IOException {
        byte[] data = body.readNBytes(limit);
        if (data.length == limit && body.read() >= 0) {
            throw new HttpProtocolException("response body is larger than " + limit + " bytes");
        }
        return data;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
