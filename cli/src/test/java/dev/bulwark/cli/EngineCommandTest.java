package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.DebianImages;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.PodmanService;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark image --engine} against a real Podman API service holding the Debian test image. */
@Tag("system")
class EngineCommandTest {
    private static final String IMAGE = "localhost/bulwark-test/debian:12";
    private static PodmanService podman;
    private static DebianImages images;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        images = Fixtures.debian();
        try {
            Tools.run(60, "podman", "image", "exists", IMAGE);
        } catch (AssertionError missing) {
            Tools.run(300, "skopeo", "copy", "-q", "docker-archive:" + images.finalDockerArchive(),
                    "containers-storage:" + IMAGE);
        }
        podman = PodmanService.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void scansThroughTheEngineApiAndRescansWithoutExporting() throws IOException {
        Set<String> expected = Files.readAllLines(images.finalDpkg()).stream().map(l -> l.split("\t"))
                .filter(f -> f[5].equals("installed")).map(f -> f[0] + "@" + f[1])
                .collect(Collectors.toCollection(TreeSet::new));
        Path cache = tmp.resolve("cache");
        for (int pass = 0; pass < 2; pass++) {
            CliRun r = CliRun.of("image", "--engine", IMAGE, "--engine-host", podman.host(), "--cache-dir",
                    cache.toString(), "-f", "json");
            assertEquals(0, r.exit(), r.toString());
            JsonNode report = new ObjectMapper().readTree(r.out());
            Set<String> actual = new TreeSet<>();
            report.path("packages").forEach(p -> actual.add(p.path("name").asText() + "@"
                    + p.path("version").asText()));
            assertEquals(expected, actual, "pass " + pass);
            try (Stream<Path> spool = Files.list(cache.resolve("tmp"))) {
                assertEquals(0, spool.count(), "the export spool is deleted after the scan");
            }
        }
    }

    @Test
    void missingImageAndMissingSocket() {
        CliRun missing = CliRun.of("image", "--engine", "localhost/bulwark-test/no-such:1", "--engine-host",
                podman.host(), "--no-cache");
        assertEquals(3, missing.exit(), missing.toString());
        assertTrue(missing.message().contains("no-such"), missing.message());
        CliRun noSocket = CliRun.of("image", "--engine", IMAGE, "--engine-host", "unix://" + tmp.resolve("none.sock"),
                "--no-cache");
        assertEquals(5, noSocket.exit(), noSocket.toString());
        CliRun tcp = CliRun.of("image", "--engine", IMAGE, "--engine-host", "tcp://127.0.0.1:2375");
        assertEquals(2, tcp.exit(), tcp.toString());
    }
}
