package dev.bulwark.engine.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests of the pieces with no network: challenges, Retry-After, backoff, auth file keys. */
class AuthPartsTest {
    @TempDir
    Path dir;

    @Test
    void parsesBearerChallengeWithQuotedCommas() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry"
                + ".docker.io\",scope=\"repository:library/alpine:pull,push\",error=\"insufficient_scope\"").get();
        assertTrue(c.isBearer());
        assertEquals("https://auth.docker.io/token", c.param("realm"));
        assertEquals("registry.docker.io", c.param("service"));
        assertEquals("repository:library/alpine:pull,push", c.param("scope"));
        AuthChallenge basic = AuthChallenge.select(List.of("Basic realm=\"x\"")).get();
        assertTrue(basic.isBasic());
        assertTrue(AuthChallenge.select(List.of("Basic realm=x", "Bearer realm=\"y\"")).get().isBearer());
        assertFalse(AuthChallenge.parse("\"broken").isPresent());
        assertTrue(AuthChallenge.parse("Bearer realm=\"unterminated").isPresent());
    }

    @Test
    void retryAfterInSecondsOrHttpDate() {
        assertEquals(Duration.ofSeconds(3), RegistryTransport.retryAfter("3").get());
        assertTrue(RegistryTransport.retryAfter("-1").isEmpty());
        assertTrue(RegistryTransport.retryAfter("soon").isEmpty());
        assertEquals(Duration.ZERO, RegistryTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT").get());
    }

    @Test
    void backoffGrowsAndIsCapped() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertEquals(50, p.backoff(1, 0).toMillis());
        assertEquals(100, p.backoff(1, 1).toMillis());
        assertEquals(400, p.backoff(3, 1).toMillis());
        assertEquals(800, p.backoff(30, 1).toMillis());
    }

    @Test
    void dockerHubKeysInEveryHistoricalSpelling() throws Exception {
        for (String key : List.of("https://index.docker.io/v1/", "index.docker.io", "docker.io",
                "registry-1.docker.io", "HTTPS://INDEX.DOCKER.IO/v1/")) {
            Path file = Files.writeString(dir.resolve("c.json"), "{\"auths\":{\"" + key
                    + "\":{\"auth\":\"dXNlcjpwYTpzcw==\"}}}");
            Credentials c = AuthFile.read(file).lookup(ImageReference.parse("alpine"),
                    new CredentialHelper(Map.of(), Duration.ofSeconds(1))).orElseThrow();
            assertEquals("user", c.username());
            assertEquals("pa:ss", c.secret());
            assertFalse(c.toString().contains("pa:ss"));
        }
        Path other = Files.writeString(dir.resolve("o.json"), "{\"auths\":{\"quay.io\":{\"auth\":\"dXNlcjpw\"}}}");
        assertTrue(AuthFile.read(other).lookup(ImageReference.parse("alpine"),
                new CredentialHelper(Map.of(), Duration.ofSeconds(1))).isEmpty());
    }

    @Test
    void optionsNeverPrintThePassword() {
        RegistryOptions o = RegistryOptions.of("localhost:5000/a:1").withCredentials("u", "hunter2-secret");
        assertFalse(o.toString().contains("hunter2-secret"));
    }
}
