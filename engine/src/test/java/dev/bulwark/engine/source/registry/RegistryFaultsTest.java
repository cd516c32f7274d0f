package dev.bulwark.engine.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults a real registry does not produce on demand, injected by a test-only server in front of a real plain
 * registry: transient 503s, malformed and unknown manifests, a lying Docker-Content-Digest, a stalled blob.
 */
@Tag("system")
class RegistryFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static RegistryFixture plain;
    static String manifestPath;

    @BeforeAll
    static void start() {
        plain = RegistryFixture.start(RegistryFixture.Auth.NONE, false);
        plain.pushOci(TestImages.layout(), "single", "test/single:1");
        manifestPath = "/v2/test/single/manifests/1";
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.close();
        }
    }

    private static RegistryOptions options(FaultyRegistry faulty, RetryPolicy retry) {
        return new RegistryOptions(ImageReference.parse(faulty.host() + "/test/single:1"), null,
                java.util.List.of(TestCertificates.get().caCert()), false, null,
                null, null, Map.of(), Path.of("/nonexistent-home"), retry);
    }

    private static FaultyRegistry faulty(FaultyRegistry.Script script) throws Exception {
        return new FaultyRegistry(plain.url(), script);
    }

    @Test
    void aPlainLoopbackServerThatIgnoresTheTlsHelloCostsSecondsNotMinutes() throws Exception {
        try (FaultyRegistry f = new FaultyRegistry(plain.url(), (path, hit) -> null, false)) {
            long start = System.nanoTime();
            // Default retries: 4 attempts with 60 s timeouts, which the TLS probe must not spend.
            try (Image image = new RegistryImageSource(options(f, RetryPolicy.defaults())).open()) {
                assertEquals(plain.digest("test/single:1"), image.manifestDigest());
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < RegistryClient.TLS_PROBE_TIMEOUT.toSeconds() + 20, seconds + " s");
        }
    }

    @Test
    void retriesTransient503sThenSucceeds() throws Exception {
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(manifestPath) && hit <= 2
                ? FaultyRegistry.Reply.of(503, Map.of("Retry-After", "0"), null) : null)) {
            try (Image image = new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open()) {
                assertEquals(plain.digest("test/single:1"), image.manifestDigest());
            }
            assertEquals(3, f.hits(manifestPath));
        }
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        RetryPolicy two = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1),
                Duration.ofSeconds(10));
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(manifestPath)
                ? FaultyRegistry.Reply.of(503, Map.of(), null) : null)) {
            BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(options(f, two))
                    .open());
            assertEquals(ErrorKind.REMOTE, e.kind());
            assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
            assertEquals(2, f.hits(manifestPath));
        }
    }

    @Test
    void rateLimitWithLongRetryAfterFailsAtOnce() throws Exception {
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(manifestPath)
                ? FaultyRegistry.Reply.of(429, Map.of("Retry-After", "3600"), null) : null)) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open());
            assertTrue(e.getMessage().contains("rate limiting (429), retry after 3600"), e.getMessage());
            assertEquals(1, f.hits(manifestPath));
        }
    }

    private static FaultyRegistry.Reply manifest(String body, String mediaType) {
        return FaultyRegistry.Reply.of(200, Map.of("Content-Type", mediaType), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedManifestJson() throws Exception {
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(manifestPath)
                ? manifest("{\"schemaVersion\": 2, \"layers\": [", MediaTypes.OCI_MANIFEST) : null)) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open());
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        }
    }

    @Test
    void unknownManifestMediaType() throws Exception {
        String body = new String(plain.rawManifest("test/single:1"), StandardCharsets.UTF_8).replace(
                MediaTypes.OCI_MANIFEST, "application/vnd.example.unknown+json");
        String withType = body.contains("\"mediaType\":\"application/vnd.example.unknown+json\"") ? body
                : body.replaceFirst("\\{", "{\"mediaType\":\"application/vnd.example.unknown+json\",");
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(manifestPath)
                ? manifest(withType, "application/vnd.example.unknown+json") : null)) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open());
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("unknown media type"), e.getMessage());
        }
    }

    @Test
    void manifestNotMatchingDockerContentDigest() throws Exception {
        byte[] real = plain.rawManifest("test/single:1");
        Digest wrong = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(manifestPath)
                ? FaultyRegistry.Reply.of(200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST,
                        "Docker-Content-Digest", wrong.toString()), real) : null)) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open());
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("does not match digest " + wrong), e.getMessage());
        }
    }

    @Test
    void swappedConfigIsCaught() throws Exception {
        JsonNode manifest = JSON.readTree(plain.rawManifest("test/single:1"));
        String configPath = "/v2/test/single/blobs/" + manifest.at("/config/digest").asText();
        int size = manifest.at("/config/size").asInt();
        byte[] fake = new byte[size];
        java.util.Arrays.fill(fake, (byte) ' ');
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(configPath)
                ? FaultyRegistry.Reply.of(200, Map.of(), fake) : null)) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open());
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("config of") && e.getMessage().contains("does not match digest"),
                    e.getMessage());
        }
    }

    @Test
    void stalledBlobTimesOut() throws Exception {
        JsonNode manifest = JSON.readTree(plain.rawManifest("test/single:1"));
        String layerPath = "/v2/test/single/blobs/" + manifest.at("/layers/0/digest").asText();
        byte[] body = new byte[(int) manifest.at("/layers/0/size").asLong()];
        RetryPolicy quick = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
        try (FaultyRegistry f = faulty((path, hit) -> path.equals(layerPath)
                ? new FaultyRegistry.Reply(200, Map.of(), body, 100) : null)) {
            try (Image image = new RegistryImageSource(options(f, quick)).open()) {
                long start = System.nanoTime();
                BulwarkException e = assertThrows(BulwarkException.class, () -> ParallelPull.readAllLayers(image, 1));
                assertEquals(ErrorKind.REMOTE, e.kind());
                assertTrue(e.getMessage().contains("sent no data"), e.getMessage());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
            }
        }
    }

    @Test
    void oneBadBlobAmongConcurrentPullsFailsAtOnceAndStopsTheOthers() throws Exception {
        JsonNode manifest = JSON.readTree(plain.rawManifest("test/single:1"));
        assertTrue(manifest.at("/layers").size() >= 2, "the test image needs two layers");
        String stalledPath = "/v2/test/single/blobs/" + manifest.at("/layers/0/digest").asText();
        String tamperedPath = "/v2/test/single/blobs/" + manifest.at("/layers/1/digest").asText();
        byte[] stalled = new byte[(int) manifest.at("/layers/0/size").asLong()];
        byte[] tampered = new byte[(int) manifest.at("/layers/1/size").asLong()];
        java.util.Arrays.fill(tampered, (byte) 'x');
        // Idle timeout 30 s and a blob that stalls for 15 s: only cancellation ends the stalled transfer early.
        RetryPolicy patient = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));
        java.util.concurrent.CountDownLatch stalling = new java.util.concurrent.CountDownLatch(1);
        try (FaultyRegistry f = faulty((path, hit) -> {
            if (path.equals(stalledPath)) {
                stalling.countDown();
                return new FaultyRegistry.Reply(200, Map.of(), stalled, 100);
            }
            if (path.equals(tamperedPath)) {
                try { // the bad blob arrives only once the other transfer is under way
                    stalling.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return FaultyRegistry.Reply.of(200, Map.of(), tampered);
            }
            return null;
        })) {
            try (Image image = new RegistryImageSource(options(f, patient)).open()) {
                long start = System.nanoTime();
                BulwarkException e = assertThrows(BulwarkException.class, () -> ParallelPull.readAllLayers(image, 4));
                long elapsed = System.nanoTime() - start;
                assertEquals(ErrorKind.INVALID_INPUT, e.kind());
                assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("does not match digest"),
                        e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(elapsed < Duration.ofSeconds(10).toNanos(), "took " + elapsed / 1_000_000 + " ms");
                assertEquals(1, f.hits(stalledPath));
                assertEquals(1, f.hits(tamperedPath));
                // The stalled transfer was stopped, not left blocked for the rest of its 15 s.
                long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (pullThreadsAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(!pullThreadsAlive(), "a layer transfer is still running");
            }
        }
    }

    private static boolean pullThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && t.getName().equals("bulwark-layer-pull"));
    }

    @Test
    void registryAnsweringNonsenseToV2() throws Exception {
        try (FaultyRegistry f = faulty((path, hit) -> path.equals("/v2/")
                ? FaultyRegistry.Reply.of(404, Map.of(), "nothing here".getBytes(StandardCharsets.UTF_8)) : null)) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> new RegistryImageSource(options(f, RegistryImageSourceTest.FAST)).open());
            assertEquals(ErrorKind.REMOTE, e.kind());
            assertTrue(e.getMessage().contains("is this a container registry"), e.getMessage());
        }
    }
}
