package dev.bulwark.engine.source.daemon;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The unix socket of a local Docker or Podman engine. {@code DOCKER_HOST} (then Podman's {@code CONTAINER_HOST}) wins
 * when set; otherwise the first existing socket of {@code /var/run/docker.sock},
 * {@code $XDG_RUNTIME_DIR/podman/podman.sock} and {@code /run/podman/podman.sock}. Only {@code unix://} hosts are
 * supported: a {@code tcp://} engine usually needs TLS client certificates, and scanning a remote engine's images
 * is better done through its registry, so such hosts are refused with a message saying so.
 */
public record EngineEndpoint(Path socket) {
    public EngineEndpoint {
        if (socket == null || !socket.isAbsolute()) {
            throw new BulwarkException(ErrorKind.USAGE, "engine socket must be an absolute path: " + socket);
        }
    }

    /** Finds the engine socket from this process's environment. */
    public static EngineEndpoint fromEnvironment() {
        return locate(System.getenv(), EngineEndpoint::isSocket);
    }

    /** Parses an engine address as {@code --engine-host} gives it: {@code unix:///path/to/engine.sock}. */
    public static EngineEndpoint parse(String host) {
        return parseHost("--engine-host", host.strip());
    }

    static EngineEndpoint locate(Map<String, String> env, Predicate<Path> isSocket) {
        for (String variable : List.of("DOCKER_HOST", "CONTAINER_HOST")) {
            String host = env.get(variable);
            if (host != null && !host.isBlank()) {
                return parseHost(variable, host.strip());
            }
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/var/run/docker.sock"));
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            candidates.add(Path.of(xdg, "podman", "podman.sock"));
        }
        candidates.add(Path.of("/run/podman/podman.sock"));
        for (Path p : candidates) {
            if (isSocket.test(p)) {
                return new EngineEndpoint(p);
            }
        }
        throw new BulwarkException(ErrorKind.NOT_FOUND, "no container engine socket found (set DOCKER_HOST="
                + "unix:///path/to/engine.sock, or start one: systemctl start docker, or podman system service);"
                + " looked at " + String.join(", ", candidates.stream().map(Path::toString).toList()));
    }

    private static EngineEndpoint parseHost(String variable, String host) {
        if (host.startsWith("unix://")) {
            String path = host.substring("unix://".length());
            if (!path.startsWith("/")) {
                throw new BulwarkException(ErrorKind.USAGE, variable + "=" + host
                        + " must name an absolute socket path, e.g. unix:///var/run/docker.sock");
            }
            return new EngineEndpoint(Path.of(path));
        }
        int scheme = host.indexOf("://");
        String name = scheme > 0 ? host.substring(0, scheme) : host;
        throw new BulwarkException(ErrorKind.USAGE, variable + "=" + host + ": only unix:// engine sockets are"
                + " supported, not " + name + " (for a remote engine, scan the image from its registry, or"
                + " forward the socket: ssh -L /tmp/engine.sock:/var/run/docker.sock HOST)");
    }

    static boolean isSocket(Path p) {
        try {
            // A socket is neither file, directory nor link; following links finds the usual /var/run symlinks.
            return Files.readAttributes(p, BasicFileAttributes.class).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "unix://" + socket;
    }
}
