package dev.bulwark.engine.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The two engine endpoints Bulwark uses, inspect and export, with every failure turned into one line naming the
 * engine, the image and what to do. Transport and HTTP problems are REMOTE; a malformed answer is INVALID_INPUT.
 */
final class EngineApi {
    static final int MAX_INSPECT_BYTES = 8 << 20;
    private static final int MAX_ERROR_BYTES = 16 << 10;

    private final UnixHttpClient client;
    private final Duration inspectTimeout;
    private final Duration exportTimeout;

    /**
     * @param exportTimeout how long the engine may stay silent during an export; Podman writes the whole archive to
     *     a temporary file before sending its first byte, so this is generous
     */
    EngineApi(UnixHttpClient client, Duration inspectTimeout, Duration exportTimeout) {
        this.client = client;
        this.inspectTimeout = inspectTimeout;
        this.exportTimeout = exportTimeout;
    }

    Path socket() {
        return client.socket();
    }

    EngineInspection inspect(String reference) {
        String path = "/images/" + encode(reference) + "/json";
        try (HttpResponse response = request(reference, path, inspectTimeout)) {
            return EngineInspection.parse(response.readBody(MAX_INSPECT_BYTES), reference);
        } catch (IOException e) {
            throw failed("inspect of " + reference, e);
        }
    }

    /** Streams {@code GET /images/{name}/get} (a docker-archive tar) into {@code target}; returns its size. */
    long export(String reference, Path target, long maxBytes) {
        String path = "/images/" + encode(reference) + "/get";
        long written = 0;
        try (HttpResponse response = request(reference, path, exportTimeout);
                OutputStream out = spool(target)) {
            InputStream body = response.body();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = body.read(buf)) >= 0) {
                written += n;
                if (written > maxBytes) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, "engine image " + reference
                            + ": export is larger than " + maxBytes + " bytes");
                }
                write(out, buf, n, target);
            }
            return written;
        } catch (IOException e) {
            throw failed("export of " + reference + " (after " + written + " bytes)", e);
        }
    }

    private static OutputStream spool(Path target) {
        try {
            return Files.newOutputStream(target);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void write(OutputStream out, byte[] buf, int n, Path target) {
        try {
            out.write(buf, 0, n);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write " + target + ": " + e.getMessage()
                    + " (free some space, or use --cache-dir)", e);
        }
    }

    private HttpResponse request(String reference, String path, Duration timeout) throws IOException {
        HttpResponse response;
        try {
            response = client.get(path, timeout);
        } catch (ConnectException e) {
            throw unreachable(e);
        }
        if (response.status() == 200) {
            return response;
        }
        try (response) {
            String detail = errorMessage(response);
            if (response.status() == 404) {
                throw new BulwarkException(ErrorKind.NOT_FOUND, "image " + reference + " not found in the engine at "
                        + client.socket() + " (pull it first, or check the name)");
            }
            throw new BulwarkException(ErrorKind.REMOTE, "container engine at " + client.socket() + " answered "
                    + response.status() + " to GET " + path + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    private BulwarkException unreachable(IOException e) {
        String m = String.valueOf(e.getMessage());
        String hint = "";
        if (m.contains("No such file")) {
            hint = " (the socket does not exist: is the engine running? set DOCKER_HOST=unix:///path/to/socket)";
        } else if (m.contains("Connection refused")) {
            hint = " (nothing is listening: start the engine, e.g. systemctl start docker or podman system service)";
        } else if (m.contains("Permission denied")) {
            hint = " (no permission: join the engine's group, e.g. docker, or use a rootless podman socket)";
        }
        return new BulwarkException(ErrorKind.REMOTE, "cannot connect to the container engine at " + client.socket()
                + ": " + m + hint, e);
    }

    private BulwarkException failed(String what, IOException e) {
        String kind = e instanceof HttpProtocolException ? "bad HTTP from " : "";
        return new BulwarkException(ErrorKind.REMOTE, what + " failed: " + kind + "container engine at "
                + client.socket() + ": " + firstLine(e), e);
    }

    /** The engine's own error text: Docker and Podman send {@code {"message": "..."}}. */
    private static String errorMessage(HttpResponse response) {
        try {
            byte[] body = response.body().readNBytes(MAX_ERROR_BYTES);
            String text = new String(body, StandardCharsets.UTF_8).strip();
            try {
                JsonNode node = new ObjectMapper().readTree(text);
                if (node != null && node.path("message").isTextual()) {
                    text = node.get("message").asText();
                }
            } catch (IOException notJson) {
                // plain text is fine
            }
            return ResponseHead.printable(text.replaceAll("\\s+", " "));
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Percent-encodes a path segment: everything but RFC 3986 unreserved characters. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
