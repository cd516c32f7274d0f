package dev.bulwark.engine.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pulls from real docker-registry instances filled by skopeo; every expected value comes from skopeo. */
@Tag("system")
class RegistryImageSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(5), Duration.ofSeconds(20));

    static RegistryFixture plain;
    static RegistryFixture basic;
    static RegistryFixture token;

    @BeforeAll
    static void start() {
        Path layout = TestImages.layout();
        plain = RegistryFixture.start(RegistryFixture.Auth.NONE, false);
        basic = RegistryFixture.start(RegistryFixture.Auth.BASIC, true);
        token = RegistryFixture.start(RegistryFixture.Auth.TOKEN, true);
        plain.pushOci(layout, "single", "test/single:1");
        plain.pushOci(layout, "multi", "test/multi:1");
        plain.pushOci(layout, "tamper", "test/tamper:1");
        basic.pushOci(layout, "single", "test/single:1");
        token.pushOci(layout, "single", "test/single:1");
    }

    @AfterAll
    static void stop() {
        for (RegistryFixture f : new RegistryFixture[] {plain, basic, token}) {
            if (f != null) {
                f.close();
            }
        }
    }

    static RegistryOptions options(RegistryFixture registry, String name) {
        return new RegistryOptions(ImageReference.parse(registry.host() + "/" + name), null,
                registry.caCertPath() == null ? List.of() : List.of(registry.caCertPath()), false, null, null, null,
                Map.of("PATH", "/usr/bin:/bin"), Path.of("/nonexistent-home"), FAST);
    }

    /** Checks the opened image against skopeo's view of the same image and reads every layer. */
    static void assertMatchesSkopeo(RegistryFixture registry, String name, Image image) throws Exception {
        assertEquals(Digest.sha256(registry.rawManifest(name)), image.manifestDigest());
        assertEquals(registry.digest(name), image.manifestDigest());
        JsonNode manifest = JSON.readTree(registry.rawManifest(name));
        assertEquals(manifest.at("/config/digest").asText(), image.configDigest().toString());
        JsonNode config = JSON.readTree(registry.rawConfig(name));
        List<String> diffIds = new ArrayList<>();
        config.at("/rootfs/diff_ids").forEach(d -> diffIds.add(d.asText()));
        assertEquals(diffIds, image.layers().stream().map(l -> l.diffId().toString()).toList());
        long sizes = 0;
        for (int i = 0; i < image.layers().size(); i++) {
            Layer layer = image.layers().get(i);
            assertEquals(manifest.at("/layers/" + i + "/digest").asText(), layer.blob().digest().toString());
            sizes += manifest.at("/layers/" + i + "/size").asLong();
        }
        ParallelPull.Result pulled = ParallelPull.readAllLayers(image, 4);
        assertEquals(image.layers().size(), pulled.layers());
        assertEquals(sizes, pulled.bytes());
        assertTrue(image.repoTags().contains(registry.host() + "/" + name));
    }

    @Test
    void pullsAnonymouslyOverPlainHttpFromLoopback() throws Exception {
        try (Image image = new RegistryImageSource(options(plain, "test/single:1")).open()) {
            assertEquals(2, image.layers().size());
            assertEquals("amd64", image.config().architecture());
            assertMatchesSkopeo(plain, "test/single:1", image);
        }
    }

    @Test
    void aPlainLoopbackRegistryIsPulledWithoutAnyTlsHandshake() throws Exception {
        try (ConnectionTap tap = new ConnectionTap(plain.host())) {
            RegistryOptions opts = new RegistryOptions(ImageReference.parse(tap.host() + "/test/single:1"), null,
                    List.of(), false, null, null, null, Map.of(), Path.of("/nonexistent-home"), FAST);
            try (Image image = new RegistryImageSource(opts).open()) {
                assertEquals(plain.digest("test/single:1"), image.manifestDigest());
            }
            assertTrue(tap.connections() > 0, "the pull went through the tap");
            assertEquals(0, tap.tlsHellos(), "TLS handshakes started with a plain loopback registry");
        }
    }

    @Test
    void aTlsLoopbackRegistryIsAskedInTheClearOnlyForItsApiRoot() throws Exception {
        try (ConnectionTap tap = new ConnectionTap(basic.host())) {
            RegistryOptions opts = new RegistryOptions(ImageReference.parse(tap.host() + "/test/single:1"), null,
                    List.of(basic.caCertPath()), false, null, null, null, Map.of(), Path.of("/nonexistent-home"),
                    FAST).withCredentials(basic.username(), basic.password());
            try (Image image = new RegistryImageSource(opts).open()) {
                assertEquals(basic.digest("test/single:1"), image.manifestDigest());
            }
            assertTrue(tap.tlsHellos() > 0, "the pull went over TLS");
            String clear = tap.plainText();
            assertTrue(clear.startsWith("GET /v2/ HTTP/1.1"), clear);
            assertFalse(clear.contains("/test/single"), clear);
            assertFalse(clear.toLowerCase(java.util.Locale.ROOT).contains("authorization"), clear);
            assertFalse(clear.contains(basic.password()), clear);
        }
    }

    @Test
    void pullsByPinnedDigest() throws Exception {
        Digest digest = plain.digest("test/single:1");
        String name = "test/single@" + digest;
        try (Image image = new RegistryImageSource(options(plain, name)).open()) {
            assertEquals(digest, image.manifestDigest());
            assertEquals(List.of(plain.host() + "/" + name), image.repoTags());
        }
    }

    @Test
    void basicAuthOverTlsWithCaCert() throws Exception {
        RegistryOptions opts = options(basic, "test/single:1").withCredentials(basic.username(), basic.password());
        try (Image image = new RegistryImageSource(opts).open()) {
            assertMatchesSkopeo(basic, "test/single:1", image);
        }
    }

    @Test
    void wrongPasswordSaysCheckCredentialsWithoutShowingIt() {
        RegistryOptions opts = options(basic, "test/single:1").withCredentials(basic.username(), "wrong-Secret-42");
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(opts).open());
        assertEquals(ErrorKind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("check credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-Secret-42"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingCredentialsSaysWhereItLooked() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> new RegistryImageSource(options(basic, "test/single:1")).open());
        assertEquals(ErrorKind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("no credentials were found"), e.getMessage());
        assertTrue(e.getMessage().contains(".docker/config.json"), e.getMessage());
    }

    @Test
    void tlsNeedsTheCaCert() {
        RegistryOptions without = options(basic, "test/single:1").withCaCerts(List.of())
                .withCredentials(basic.username(), basic.password());
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(without).open());
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().contains("TLS failure") && e.getMessage().contains("--ca-cert"), e.getMessage());

        RegistryOptions wrongCa = without.withCaCerts(List.of(basic.otherCaCertPath()));
        BulwarkException e2 = assertThrows(BulwarkException.class, () -> new RegistryImageSource(wrongCa).open());
        assertTrue(e2.getMessage().contains("not signed by a trusted CA"), e2.getMessage());
    }

    @Test
    void insecureSkipsVerification() throws Exception {
        RegistryOptions opts = options(basic, "test/single:1").withCaCerts(List.of()).withInsecure(true)
                .withCredentials(basic.username(), basic.password());
        try (Image image = new RegistryImageSource(opts).open()) {
            assertEquals(basic.digest("test/single:1"), image.manifestDigest());
        }
    }

    @Test
    void missingCaCertFileIsAUsageError() {
        RegistryOptions opts = options(basic, "test/single:1").withCaCerts(List.of(Path.of("/nonexistent/ca.pem")));
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(opts).open());
        assertEquals(ErrorKind.USAGE, e.kind());
    }

    @Test
    void bearerTokenFromTheChallengeRealmIsCachedPerScope() throws Exception {
        RegistryOptions opts = options(token, "test/single:1").withCredentials(token.username(), token.password());
        int before = token.tokenServer().requests();
        try (Image image = new RegistryImageSource(opts).open()) {
            assertEquals(2, ParallelPull.readAllLayers(image, 4).layers());
            // One token for manifest, config and every parallel layer read.
            assertEquals(1, token.tokenServer().requests() - before);
            assertMatchesSkopeo(token, "test/single:1", image);
        }
    }

    @Test
    void bearerWithWrongOrNoCredentials() {
        RegistryOptions wrong = options(token, "test/single:1").withCredentials(token.username(), "nope-Secret-7");
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(wrong).open());
        assertEquals(ErrorKind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("check credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("nope-Secret-7"));

        BulwarkException anon = assertThrows(BulwarkException.class,
                () -> new RegistryImageSource(options(token, "test/single:1")).open());
        assertEquals(ErrorKind.AUTH, anon.kind());
        assertTrue(anon.getMessage().contains("no credentials were found"), anon.getMessage());
    }

    @Test
    void selectsThePlatformFromAnIndex() throws Exception {
        JsonNode index = JSON.readTree(plain.rawManifest("test/multi:1"));
        for (JsonNode entry : index.get("manifests")) {
            String arch = entry.at("/platform/architecture").asText();
            RegistryOptions opts = options(plain, "test/multi:1").withPlatform(Platform.parse("linux/" + arch));
            try (Image image = new RegistryImageSource(opts).open()) {
                assertEquals(arch, image.config().architecture());
                assertEquals(Digest.sha256(plain.rawManifest("test/multi:1")), image.manifestDigest());
                JsonNode child = JSON.readTree(plain.rawManifest("test/multi@" + entry.get("digest").asText()));
                assertEquals(child.at("/config/digest").asText(), image.configDigest().toString());
                assertEquals(child.get("layers").size(), ParallelPull.readAllLayers(image, 2).layers());
            }
        }
        RegistryOptions none = options(plain, "test/multi:1").withPlatform(Platform.parse("linux/s390x"));
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(none).open());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("linux/amd64") && e.getMessage().contains("linux/arm64/v8")
                && e.getMessage().contains("linux/s390x"), e.getMessage());
    }

    @Test
    void tamperedLayerBlobIsRejectedNamingTheLayer() throws Exception {
        JsonNode manifest = JSON.readTree(plain.rawManifest("test/tamper:1"));
        Digest layer = Digest.parse(manifest.at("/layers/0/digest").asText());
        Path blob = plain.blobPath(layer);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(blob, bytes);
        try (Image image = new RegistryImageSource(options(plain, "test/tamper:1")).open()) {
            BulwarkException e = assertThrows(BulwarkException.class, () -> ParallelPull.readAllLayers(image, 2));
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("layer 0 (" + layer + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("does not match digest"), e.getMessage());
        }
    }

    @Test
    void unknownImageIsNotFoundNamingTheReference() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> new RegistryImageSource(options(plain, "test/missing:9")).open());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains(plain.host() + "/test/missing:9"), e.getMessage());
        BulwarkException tag = assertThrows(BulwarkException.class,
                () -> new RegistryImageSource(options(plain, "test/single:nope")).open());
        assertEquals(ErrorKind.NOT_FOUND, tag.kind());
        assertTrue(tag.getMessage().contains("manifest unknown"), tag.getMessage());
    }

    @Test
    void refusedConnectionIsOneLine() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RegistryOptions opts = new RegistryOptions(ImageReference.parse("127.0.0.1:" + port + "/x/y:1"), null, null,
                false, null, null, null, Map.of(), Path.of("/nonexistent-home"), FAST);
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(opts).open());
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void bulkPullFromTheSourceReadsEveryLayer() {
        ParallelPull.Result result = new RegistryImageSource(options(plain, "test/single:1")).pullAllLayers(4);
        assertEquals(2, result.layers());
        assertTrue(result.bytes() > 500_000, "busybox layer is in there: " + result.bytes());
    }
}
