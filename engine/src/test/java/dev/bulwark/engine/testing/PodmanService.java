package dev.bulwark.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** A private {@code podman system service} on a socket in a temporary directory, for engine-source tests. */
public final class PodmanService implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Process process;

    private PodmanService(Path dir, Path socket, Process process) {
        this.dir = dir;
        this.socket = socket;
        this.process = process;
    }

    public static PodmanService start() throws IOException, InterruptedException {
        if (!Tools.onPath("podman")) {
            throw new AssertionError("podman is not installed (bash .ci/setup)");
        }
        Path dir = Files.createTempDirectory("bulwark-podman");
        Path socket = dir.resolve("podman.sock");
        Process p = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!isSocket(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("podman system service did not start: "
                        + Files.readString(dir.resolve("service.log")));
            }
            Thread.sleep(50);
        }
        return new PodmanService(dir, socket, p);
    }

    /** {@code unix:///.../podman.sock}, as DOCKER_HOST would name it. */
    public String host() {
        return "unix://" + socket;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        dir.resolve("service.log").toFile().delete();
        socket.toFile().delete();
        dir.toFile().delete();
    }

    private static boolean isSocket(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).isOther();
        } catch (IOException e) {
            return false;
        }
    }
}
