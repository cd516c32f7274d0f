package dev.bulwark.engine.source.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP/1.1 client against a unix-socket server that sends canned, sometimes broken, bytes. */
class UnixHttpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private String get(String response) throws IOException {
        try (CannedUnixServer server = CannedUnixServer.always(dir.resolve("s.sock"), response);
                HttpResponse r = new UnixHttpClient(server.socket(), TIMEOUT).get("/x", TIMEOUT)) {
            return new String(r.body().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void contentLengthBodyAndTheRequestSent() throws IOException {
        try (CannedUnixServer server = CannedUnixServer.always(dir.resolve("s.sock"),
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhelloTRAILING");
                HttpResponse r = new UnixHttpClient(server.socket(), TIMEOUT).get("/images/a%2Fb/json", TIMEOUT)) {
            assertEquals(200, r.status());
            assertEquals("1", r.head().header("x-a"));
            assertEquals("hello", new String(r.body().readAllBytes(), StandardCharsets.US_ASCII));
            String head = server.heads().get(0);
            assertTrue(head.startsWith("GET /images/a%2Fb/json HTTP/1.1\r\n"), head);
            assertTrue(head.contains("\r\nHost: localhost\r\n"), head);
            assertTrue(head.contains("\r\nConnection: close\r\n"), head);
        }
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailers() throws IOException {
        assertEquals("hello world", get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"));
    }

    @Test
    void largeChunkedBodyIsReassembledExactly() throws IOException {
        byte[] data = new byte[3 << 20];
        Random random = new Random(42);
        random.nextBytes(data);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int off = 0; off < data.length;) {
            int n = Math.min(data.length - off, 1 + random.nextInt(200_000));
            wire.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            wire.write(data, off, n);
            wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            off += n;
        }
        wire.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = wire.toByteArray();
        try (CannedUnixServer server = new CannedUnixServer(dir.resolve("s.sock"), line -> bytes);
                HttpResponse r = new UnixHttpClient(server.socket(), TIMEOUT).get("/x", TIMEOUT)) {
            assertArrayEquals(data, r.body().readAllBytes());
        }
    }

    @Test
    void bodyWithoutLengthEndsWithTheConnectionAndInterimResponsesAreSkipped() throws IOException {
        assertEquals("until close", get("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\n\r\nuntil close"));
    }

    @Test
    void malformedStatusLine() {
        IOException e = assertThrows(HttpProtocolException.class, () -> get("HTTX/1.1 200 OK\r\n\r\n"));
        assertTrue(e.getMessage().contains("malformed status line \"HTTX/1.1 200 OK\""), e.getMessage());
    }

    @Test
    void malformedHeaderLine() {
        IOException e = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n"));
        assertTrue(e.getMessage().contains("malformed header line"), e.getMessage());
    }

    @Test
    void oversizedHeadersStopAtTheLimit() {
        String many = "X-Pad: " + "a".repeat(8000) + "\r\n";
        IOException e = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\n" + many.repeat(20) + "\r\n"));
        assertTrue(e.getMessage().contains("exceed " + ResponseHead.MAX_HEAD_BYTES), e.getMessage());
    }

    @Test
    void endlessHeaderLineStopsAtTheLineLimit() {
        IOException e = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nX-Long: " + "b".repeat(1 << 20)));
        assertTrue(e.getMessage().contains("exceeds " + ResponseHead.MAX_LINE_BYTES), e.getMessage());
    }

    @Test
    void tooManyHeaders() {
        IOException e = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(ResponseHead.MAX_HEADERS + 1) + "\r\n"));
        assertTrue(e.getMessage().contains("more than " + ResponseHead.MAX_HEADERS), e.getMessage());
    }

    @Test
    void truncatedContentLengthBody() {
        IOException e = assertThrows(EOFException.class,
                () -> get("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
        assertEquals("response body truncated: got 9 of 100 bytes", e.getMessage());
    }

    @Test
    void truncatedChunk() {
        IOException e = assertThrows(EOFException.class,
                () -> get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort"));
        assertTrue(e.getMessage().contains("inside a chunk"), e.getMessage());
    }

    @Test
    void chunkedWithoutTheFinalChunk() {
        assertThrows(EOFException.class,
                () -> get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"));
    }

    @Test
    void malformedChunkSizeAndMissingChunkCrlf() {
        IOException bad = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
        assertTrue(bad.getMessage().contains("malformed chunk size \"zz\""), bad.getMessage());
        IOException huge = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n"));
        assertTrue(huge.getMessage().contains("malformed chunk size"), huge.getMessage());
        IOException crlf = assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX0\r\n\r\n"));
        assertTrue(crlf.getMessage().contains("not followed by CRLF"), crlf.getMessage());
    }

    @Test
    void conflictingOrMalformedLengthsAndUnknownCodings() {
        assertTrue(assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")).getMessage()
                .contains("conflicting Content-Length"));
        assertTrue(assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\nabc")).getMessage()
                .contains("malformed Content-Length"));
        assertTrue(assertThrows(HttpProtocolException.class,
                () -> get("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")).getMessage()
                .contains("unsupported Transfer-Encoding"));
    }

    @Test
    void silentServerTimesOut() throws IOException {
        try (CannedUnixServer server = new CannedUnixServer(dir.resolve("s.sock"), line -> null)) {
            long start = System.nanoTime();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> new UnixHttpClient(server.socket(), TIMEOUT).get("/x", Duration.ofMillis(300)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 4000, "took " + millis + " ms");
            assertTrue(e.getMessage().contains("no data from the engine for 300 ms"), e.getMessage());
        }
    }

    @Test
    void serverStallingMidBodyTimesOut() throws IOException {
        byte[] partial = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII);
        try (CannedUnixServer server = new CannedUnixServer(dir.resolve("s.sock"), line -> partial, false);
                HttpResponse r = new UnixHttpClient(server.socket(), TIMEOUT).get("/x", Duration.ofMillis(300))) {
            assertEquals("abc", new String(r.body().readNBytes(3), StandardCharsets.US_ASCII));
            assertThrows(SocketTimeoutException.class, () -> r.body().readAllBytes());
        }
    }

    @Test
    void missingSocketIsAConnectException() {
        ConnectException e = assertThrows(ConnectException.class,
                () -> new UnixHttpClient(dir.resolve("none.sock"), TIMEOUT).get("/x", TIMEOUT));
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }
}
