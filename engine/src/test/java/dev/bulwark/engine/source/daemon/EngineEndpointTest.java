package dev.bulwark.engine.source.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the engine socket from DOCKER_HOST and the default locations. */
class EngineEndpointTest {
    @TempDir
    Path dir;

    @Test
    void dockerHostUnixSocketWins() {
        EngineEndpoint e = EngineEndpoint.locate(Map.of("DOCKER_HOST", "unix:///srv/engine.sock",
                "CONTAINER_HOST", "unix:///other.sock"), p -> true);
        assertEquals(Path.of("/srv/engine.sock"), e.socket());
        assertEquals(Path.of("/other.sock"),
                EngineEndpoint.locate(Map.of("CONTAINER_HOST", "unix:///other.sock"), p -> true).socket());
    }

    @Test
    void tcpAndRelativeHostsAreRefusedClearly() {
        BulwarkException tcp = assertThrows(BulwarkException.class,
                () -> EngineEndpoint.locate(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), p -> true));
        assertEquals(ErrorKind.USAGE, tcp.kind());
        assertTrue(tcp.getMessage().startsWith("DOCKER_HOST=tcp://127.0.0.1:2375: only unix:// engine sockets are"
                + " supported, not tcp"), tcp.getMessage());
        BulwarkException relative = assertThrows(BulwarkException.class,
                () -> EngineEndpoint.locate(Map.of("DOCKER_HOST", "unix://run/d.sock"), p -> true));
        assertTrue(relative.getMessage().contains("absolute socket path"), relative.getMessage());
    }

    @Test
    void defaultsInOrder() {
        assertEquals(Path.of("/var/run/docker.sock"),
                EngineEndpoint.locate(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), p -> true).socket());
        assertEquals(Path.of("/run/user/1000/podman/podman.sock"), EngineEndpoint.locate(
                Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), p -> !p.startsWith("/var")).socket());
        assertEquals(Path.of("/run/podman/podman.sock"), EngineEndpoint.locate(Map.of(),
                p -> p.equals(Path.of("/run/podman/podman.sock"))).socket());
    }

    @Test
    void noSocketAnywhere() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> EngineEndpoint.locate(Map.of("XDG_RUNTIME_DIR", "/run/user/7"), p -> false));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().startsWith("no container engine socket found (set DOCKER_HOST="), e.getMessage());
        assertTrue(e.getMessage().contains("/run/user/7/podman/podman.sock"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void onlyRealSocketsCountAsFound() throws IOException {
        Path podmanDir = Files.createDirectories(dir.resolve("podman"));
        Path file = Files.createFile(dir.resolve("file.sock"));
        try (CannedUnixServer server = CannedUnixServer.always(podmanDir.resolve("podman.sock"), "")) {
            assertTrue(EngineEndpoint.isSocket(server.socket()));
            assertFalse(EngineEndpoint.isSocket(file));
            assertFalse(EngineEndpoint.isSocket(dir));
            assertFalse(EngineEndpoint.isSocket(dir.resolve("absent.sock")));
            EngineEndpoint found = EngineEndpoint.locate(Map.of("XDG_RUNTIME_DIR", dir.toString()),
                    p -> p.startsWith(dir) && EngineEndpoint.isSocket(p));
            assertEquals(server.socket(), found.socket());
        }
    }
}
