package dev.bulwark.engine.advisory.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.source.registry.ArtifactUpload;
import dev.bulwark.engine.source.registry.ImageReference;
import dev.bulwark.engine.source.registry.RegistryArtifacts;
import dev.bulwark.engine.source.registry.RegistryFixture;
import dev.bulwark.engine.source.registry.RegistryOptions;
import dev.bulwark.engine.source.registry.RetryPolicy;
import dev.bulwark.engine.source.registry.ToolRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes a database file to real docker-registry instances (htpasswd Basic over TLS, and Bearer tokens) and pulls it
 * back; what the registry stored is read back with skopeo and the blob unpacked with the zstd tool.
 */
@Tag("system")
class DatabaseArtifactTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(5), Duration.ofSeconds(20));
    private static final Map<String, String> ANNOTATIONS = Map.of(DatabaseArtifact.SCHEMA_VERSION, "1",
            DatabaseArtifact.CREATED, "2025-01-02T03:04:05Z");

    static RegistryFixture basic;
    static RegistryFixture token;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        basic = RegistryFixture.start(RegistryFixture.Auth.BASIC, true);
        token = RegistryFixture.start(RegistryFixture.Auth.TOKEN, true);
    }

    @AfterAll
    static void stop() {
        for (RegistryFixture f : new RegistryFixture[] {basic, token}) {
            if (f != null) {
                f.close();
            }
        }
    }

    static RegistryOptions options(RegistryFixture registry, String name) {
        return new RegistryOptions(ImageReference.parse(registry.host() + "/" + name), null,
                List.of(registry.caCertPath()), false, registry.username(), registry.password(), null,
                Map.of("PATH", "/usr/bin:/bin"), Path.of("/nonexistent-home"), FAST);
    }

    /** A database stand-in: text that compresses plus random bytes that do not, about 3 MB. */
    private Path database(String name, long seed) throws IOException {
        Path file = dir.resolve(name);
        byte[] random = new byte[1 << 20];
        new Random(seed).nextBytes(random);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("CVE-2024-" + i + " openssl 3.0." + (i % 17) + "-1~deb12u" + (i % 5) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.write(random);
            out.write(random, 0, 1000);
        }
        return file;
    }

    @Test
    void pushThenPullIsByteIdenticalAndTheRegistryKeepsTheArtifactType() throws Exception {
        Path db = database("advisories.db", 1);
        Digest pushed = DatabaseArtifact.push(options(basic, "bulwark/db:1"), db, ANNOTATIONS);

        // What the registry stored, as skopeo reads it (skopeo's non-raw inspect refuses non-image artifacts).
        byte[] raw = basic.rawManifest("bulwark/db:1");
        assertEquals(Digest.sha256(raw), pushed);
        JsonNode manifest = JSON.readTree(raw);
        assertEquals(DatabaseArtifact.ARTIFACT_TYPE, manifest.path("artifactType").asText());
        assertEquals(RegistryArtifacts.EMPTY_CONFIG_TYPE, manifest.at("/config/mediaType").asText());
        assertEquals("1", manifest.at("/annotations").path(DatabaseArtifact.SCHEMA_VERSION).asText());
        assertEquals(DatabaseArtifact.LAYER_MEDIA_TYPE, manifest.at("/layers/0/mediaType").asText());

        // The blob really is zstd: the zstd tool unpacks it to the original file.
        Path blob = basic.blobPath(Digest.parse(manifest.at("/layers/0/digest").asText()));
        Path unpacked = dir.resolve("unpacked");
        ToolRunner.run(dir, Duration.ofSeconds(60), "zstd", "-q", "-d", blob.toString(), "-o", unpacked.toString());
        assertArrayEquals(Files.readAllBytes(db), Files.readAllBytes(unpacked));

        Path target = dir.resolve("out/advisories.db");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "previous database");
        PulledDatabase pulled = DatabaseArtifact.pull(options(basic, "bulwark/db:1"), target);
        assertArrayEquals(Files.readAllBytes(db), Files.readAllBytes(target));
        assertEquals(pushed, pulled.manifestDigest());
        assertEquals(Files.size(db), pulled.size());
        assertEquals("1", pulled.schemaVersion());
        assertEquals("2025-01-02T03:04:05Z", pulled.built());
        assertOnlyTarget(target);

        // Pinned by digest works too, and a second push of the same file gives the same manifest.
        Path again = dir.resolve("again.db");
        DatabaseArtifact.pull(options(basic, "bulwark/db@" + pushed), again);
        assertArrayEquals(Files.readAllBytes(db), Files.readAllBytes(again));
        assertEquals(pushed, DatabaseArtifact.push(options(basic, "bulwark/db:2"), db, ANNOTATIONS));
    }

    @Test
    void bearerTokensWithPushScope() throws Exception {
        Path db = database("token.db", 2);
        int before = token.tokenServer().requests();
        Digest pushed = DatabaseArtifact.push(options(token, "team/db:latest"), db, ANNOTATIONS);
        assertTrue(token.tokenServer().requests() > before, "a token was requested");
        assertEquals(Digest.sha256(token.rawManifest("team/db:latest")), pushed);
        Path target = dir.resolve("token-out.db");
        DatabaseArtifact.pull(options(token, "team/db:latest"), target);
        assertArrayEquals(Files.readAllBytes(db), Files.readAllBytes(target));
    }

    @Test
    void wrongCredentialsAreAuthErrors() throws Exception {
        Path db = database("auth.db", 3);
        RegistryOptions wrong = options(basic, "bulwark/auth:1").withCredentials(RegistryFixture.USERNAME, "nope");
        BulwarkException push = assertThrows(BulwarkException.class, () -> DatabaseArtifact.push(wrong, db,
                ANNOTATIONS));
        assertEquals(ErrorKind.AUTH, push.kind(), push.getMessage());
        DatabaseArtifact.push(options(basic, "bulwark/auth:1"), db, ANNOTATIONS);
        Path target = dir.resolve("auth-out.db");
        BulwarkException pull = assertThrows(BulwarkException.class, () -> DatabaseArtifact.pull(wrong, target));
        assertEquals(ErrorKind.AUTH, pull.kind(), pull.getMessage());
        RegistryOptions wrongToken = options(token, "team/auth:1").withCredentials(RegistryFixture.USERNAME, "no");
        BulwarkException tokenPush = assertThrows(BulwarkException.class, () -> DatabaseArtifact.push(wrongToken, db,
                ANNOTATIONS));
        assertEquals(ErrorKind.AUTH, tokenPush.kind(), tokenPush.getMessage());
        assertTrue(Files.notExists(target));
    }

    @Test
    void tamperedBlobIsRefusedAndThePreviousDatabaseStays() throws Exception {
        Path db = database("tamper.db", 4);
        DatabaseArtifact.push(options(basic, "bulwark/tamper:1"), db, ANNOTATIONS);
        JsonNode manifest = JSON.readTree(basic.rawManifest("bulwark/tamper:1"));
        Path blob = basic.blobPath(Digest.parse(manifest.at("/layers/0/digest").asText()));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(blob, bytes);

        Path target = dir.resolve("tamper-out.db");
        Files.writeString(target, "previous database");
        BulwarkException e = assertThrows(BulwarkException.class, () -> DatabaseArtifact.pull(
                options(basic, "bulwark/tamper:1"), target));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("digest"), e.getMessage());
        assertEquals("previous database", Files.readString(target));
        assertOnlyTarget(target);
    }

    @Test
    void missingTagIsNotFound() {
        Path target = dir.resolve("missing.db");
        BulwarkException e = assertThrows(BulwarkException.class, () -> DatabaseArtifact.pull(
                options(basic, "bulwark/none:1"), target));
        assertEquals(ErrorKind.NOT_FOUND, e.kind(), e.getMessage());
        assertTrue(Files.notExists(target));
    }

    @Test
    void otherArtifactTypesAndOversizedBlobsAreRefused() throws Exception {
        Path other = dir.resolve("other.bin");
        Files.writeString(other, "not a database");
        RegistryArtifacts.push(options(basic, "bulwark/other:1"), new ArtifactUpload("application/vnd.example.thing",
                "application/octet-stream", other, Map.of(), Map.of()));
        Path target = dir.resolve("other-out.db");
        BulwarkException type = assertThrows(BulwarkException.class, () -> DatabaseArtifact.pull(
                options(basic, "bulwark/other:1"), target));
        assertEquals(ErrorKind.INVALID_INPUT, type.kind(), type.getMessage());
        assertTrue(type.getMessage().contains("application/vnd.example.thing"), type.getMessage());

        Path db = database("big.db", 5);
        DatabaseArtifact.push(options(basic, "bulwark/big:1"), db, ANNOTATIONS);
        BulwarkException big = assertThrows(BulwarkException.class, () -> DatabaseArtifact.pull(
                options(basic, "bulwark/big:1"), target, 1000));
        assertEquals(ErrorKind.INVALID_INPUT, big.kind(), big.getMessage());
        assertTrue(Files.notExists(target));
    }

    private static void assertOnlyTarget(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            List<String> leftovers = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))
                    .toList();
            assertEquals(List.of(), leftovers);
        }
    }
}
