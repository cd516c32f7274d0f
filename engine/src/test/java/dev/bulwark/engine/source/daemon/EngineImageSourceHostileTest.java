package dev.bulwark.engine.source.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken or hostile engine (canned bytes on a unix socket) gives one clear line, never a hang or a leftover file. */
class EngineImageSourceHostileTest {
    private static final String ID = "sha256:" + "1".repeat(64);
    private static final String LAYER = "sha256:" + "2".repeat(64);
    private static final String INSPECT = "{\"Id\":\"" + ID + "\",\"RepoTags\":[\"localhost/a:b\"],\"Os\":\"linux\","
            + "\"Architecture\":\"amd64\",\"Config\":{\"User\":\"nobody\",\"Env\":[\"A=1\"]},"
            + "\"RootFS\":{\"Type\":\"layers\",\"Layers\":[\"" + LAYER + "\"]}}";

    @TempDir
    Path dir;

    private Path spool() {
        return dir.resolve("spool");
    }

    private EngineImageSource source(CannedUnixServer server, String reference) {
        return new EngineImageSource(reference, new EngineEndpoint(server.socket()), spool(), Duration.ofSeconds(2),
                Duration.ofMillis(500), Duration.ofMillis(500), 1 << 20);
    }

    private CannedUnixServer engine(Function<String, String> byRequestLine) throws IOException {
        return new CannedUnixServer(dir.resolve("engine.sock"), line -> {
            String reply = byRequestLine.apply(line);
            return reply == null ? null : reply.getBytes(StandardCharsets.ISO_8859_1);
        });
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body;
    }

    private static String exportOr(String line, String export) {
        return line.contains("/json ") ? ok(INSPECT) : export;
    }

    private BulwarkException failure(Function<String, String> engine, boolean export) throws IOException {
        try (CannedUnixServer server = engine(engine)) {
            EngineImageSource source = source(server, "localhost/a:b");
            BulwarkException e = assertThrows(BulwarkException.class, export ? source::open : source::inspect);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return e;
        }
    }

    private void assertSpoolEmpty() throws IOException {
        if (Files.exists(spool())) {
            try (Stream<Path> files = Files.list(spool())) {
                assertEquals(0, files.count(), "spool files left behind");
            }
        }
    }

    @Test
    void inspectParsesAndEncodesTheName() throws IOException {
        try (CannedUnixServer server = engine(line -> ok(INSPECT))) {
            EngineInspection i = source(server, "localhost/a:b").inspect();
            assertEquals(ID, i.id().toString());
            assertEquals(LAYER, i.diffIds().get(0).toString());
            assertEquals("nobody", i.config().user());
            assertTrue(server.heads().get(0).startsWith("GET /images/localhost%2Fa%3Ab/json HTTP/1.1"),
                    server.heads().get(0));
        }
    }

    @Test
    void garbageJson() throws IOException {
        BulwarkException e = failure(line -> ok("{not json"), false);
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("engine image localhost/a:b: inspect answer is not valid JSON"),
                e.getMessage());
        BulwarkException noLayers = failure(line -> ok("{\"Id\":\"" + ID + "\"}"), false);
        assertTrue(noLayers.getMessage().endsWith("has no RootFS.Layers list"), noLayers.getMessage());
        BulwarkException badDigest = failure(line -> ok(INSPECT.replace(LAYER, "sha256:xyz")), false);
        assertEquals(ErrorKind.INVALID_INPUT, badDigest.kind());
        assertTrue(badDigest.getMessage().contains("RootFS.Layers[0]"), badDigest.getMessage());
    }

    @Test
    void engineErrors() throws IOException {
        BulwarkException missing = failure(line -> "HTTP/1.1 404 Not Found\r\nContent-Length: 24\r\n\r\n"
                + "{\"message\":\"no such x\"}", false);
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().startsWith("image localhost/a:b not found in the engine"),
                missing.getMessage());
        String body = "{\"message\":\"storage is\\nbroken\"}";
        BulwarkException broken = failure(line -> "HTTP/1.1 500 Internal Server Error\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body, false);
        assertEquals(ErrorKind.REMOTE, broken.kind());
        assertTrue(broken.getMessage().endsWith("answered 500 to GET /images/localhost%2Fa%3Ab/json: storage is"
                + " broken"), broken.getMessage());
    }

    @Test
    void hugeHeadersAndMalformedHttp() throws IOException {
        BulwarkException huge = failure(line -> "HTTP/1.1 200 OK\r\n" + ("X: " + "y".repeat(9000) + "\r\n")
                .repeat(10), false);
        assertEquals(ErrorKind.REMOTE, huge.kind());
        assertTrue(huge.getMessage().contains("bad HTTP from container engine"), huge.getMessage());
        assertTrue(huge.getMessage().contains("exceed"), huge.getMessage());
        BulwarkException garbage = failure(line -> "SSH-2.0-OpenSSH\r\n", false);
        assertTrue(garbage.getMessage().contains("malformed status line"), garbage.getMessage());
    }

    @Test
    void silentEngineTimesOut() throws IOException {
        long start = System.nanoTime();
        BulwarkException e = failure(line -> null, false);
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().contains("no data from the engine for 500 ms"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void missingSocket() {
        EngineImageSource source = new EngineImageSource("alpine", new EngineEndpoint(dir.resolve("gone.sock")),
                spool());
        BulwarkException e = assertThrows(BulwarkException.class, source::inspect);
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot connect to the container engine at " + dir.resolve("gone.sock")),
                e.getMessage());
        assertTrue(e.getMessage().contains("is the engine running?"), e.getMessage());
    }

    @Test
    void truncatedExportLeavesNoSpoolFile() throws IOException {
        BulwarkException e = failure(line -> exportOr(line,
                "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000)), true);
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().startsWith("export of localhost/a:b (after 5000 bytes) failed:"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertSpoolEmpty();
        BulwarkException chunked = failure(line -> exportOr(line,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + "x".repeat(100)), true);
        assertTrue(chunked.getMessage().contains("inside a chunk"), chunked.getMessage());
        assertSpoolEmpty();
    }

    @Test
    void garbageExportIsInvalidInputNamingTheImage() throws IOException {
        BulwarkException e = failure(line -> exportOr(line, ok("z".repeat(3000))), true);
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("engine image localhost/a:b: export"), e.getMessage());
        assertFalse(e.getMessage().contains(spool().toString()), e.getMessage());
        assertSpoolEmpty();
    }

    @Test
    void oversizedExportStopsAtTheLimit() throws IOException {
        BulwarkException e = failure(line -> exportOr(line,
                "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat((1 << 20) + 70_000)), true);
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().endsWith("export is larger than 1048576 bytes"), e.getMessage());
        assertSpoolEmpty();
    }

    @Test
    void deferredImageExportsOnceOnFirstLayerAndRemembersFailure() throws IOException {
        try (CannedUnixServer server = engine(line -> exportOr(line, ok("not a tar")))) {
            Image image = source(server, "localhost/a:b").openDeferred();
            assertEquals(ID, image.configDigest().toString());
            assertEquals(LAYER, image.layers().get(0).diffId().toString());
            assertEquals(LAYER, image.layers().get(0).blob().digest().toString());
            assertEquals(1, server.heads().size(), "only the inspect so far");
            BulwarkException first = assertThrows(BulwarkException.class,
                    () -> image.openLayer(image.layers().get(0)));
            BulwarkException again = assertThrows(BulwarkException.class,
                    () -> image.openLayer(image.layers().get(0)));
            assertSame(first, again);
            assertEquals(2, server.heads().size(), "one inspect and one export");
            assertSpoolEmpty();
        }
    }

    @Test
    void badReferences() {
        EngineEndpoint endpoint = new EngineEndpoint(dir.resolve("x.sock"));
        assertEquals(ErrorKind.USAGE, assertThrows(BulwarkException.class,
                () -> new EngineImageSource(" ", endpoint, spool())).kind());
        assertEquals(ErrorKind.USAGE, assertThrows(BulwarkException.class,
                () -> new EngineImageSource("a b\r\nHost: x", endpoint, spool())).kind());
    }
}
