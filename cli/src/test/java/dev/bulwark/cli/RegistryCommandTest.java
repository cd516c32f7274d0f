package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.source.registry.RegistryFixture;
import dev.bulwark.engine.testing.DebianImages;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark image REF} against a real docker-registry with TLS from a test CA and htpasswd auth, holding the
 * Debian image pushed by skopeo.
 */
@Tag("system")
class RegistryCommandTest {
    private static RegistryFixture registry;
    private static DebianImages images;
    private static String ref;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        images = Fixtures.debian();
        registry = RegistryFixture.start(RegistryFixture.Auth.BASIC, true);
        registry.push("docker-archive:" + images.finalDockerArchive(), "bulwark/debian:12");
        ref = registry.host() + "/bulwark/debian:12";
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private CliRun scan(String password, String... extra) {
        String[] base = {"image", ref, "--ca-cert", registry.caCertPath().toString(), "-u", registry.username(),
            "--password-stdin", "-f", "json", "--cache-dir", tmp.resolve("cache").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.withStdin(password + "\n", args);
    }

    @Test
    void pullsOverTlsWithBasicAuthAndMatchesDpkgQuery() throws IOException {
        Set<String> expected = Files.readAllLines(images.finalDpkg()).stream().map(l -> l.split("\t"))
                .filter(f -> f[5].equals("installed")).map(f -> f[0] + "@" + f[1])
                .collect(Collectors.toCollection(TreeSet::new));
        for (int pass = 0; pass < 2; pass++) { // cold, then answered from the cache
            CliRun r = scan(registry.password());
            assertEquals(0, r.exit(), r.toString());
            JsonNode report = new ObjectMapper().readTree(r.out());
            Set<String> actual = new TreeSet<>();
            report.path("packages").forEach(p -> actual.add(p.path("name").asText() + "@"
                    + p.path("version").asText()));
            assertEquals(expected, actual);
            assertEquals(registry.digest("bulwark/debian:12").toString(),
                    report.path("target").path("manifestDigest").asText());
        }
    }

    @Test
    void withoutTheCaCertTheTlsErrorPointsToTheFlag() {
        CliRun r = CliRun.withStdin(registry.password() + "\n", "image", ref, "-u", registry.username(),
                "--password-stdin", "--no-cache");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.message().contains("--ca-cert"), r.message());
    }

    @Test
    void wrongPasswordIsAnAuthenticationError() {
        CliRun r = scan("not-the-password");
        assertEquals(6, r.exit(), r.toString());
        assertFalse(r.err().contains("not-the-password"), "the password never appears in messages");
    }

    @Test
    void unknownRepositoryIsNotFound() {
        CliRun r = CliRun.withStdin(registry.password() + "\n", "image", registry.host() + "/bulwark/nope:1",
                "--ca-cert", registry.caCertPath().toString(), "-u", registry.username(), "--password-stdin");
        assertTrue(r.exit() == 3 || r.exit() == 6, r.toString()); // registries may hide existence behind auth
        assertTrue(r.message().contains("bulwark/nope"), r.message());
    }
}
