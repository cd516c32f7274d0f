package dev.bulwark.engine.source.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools the registry fixtures need (openssl, htpasswd, umoci, skopeo, docker-registry) with a
 * timeout, failing with a message that names a missing tool and the Debian package that has it.
 */
public final class ToolRunner {
    private static final Map<String, String> PACKAGES = Map.of(
            "docker-registry", "docker-registry", "skopeo", "skopeo", "umoci", "umoci", "openssl", "openssl",
            "htpasswd", "apache2-utils", "busybox", "busybox-static");

    private ToolRunner() {
    }

    /** Runs {@code command} in {@code dir} (nullable); returns stdout; throws with stderr on a non-zero exit. */
    public static String run(Path dir, Duration timeout, String... command) {
        return runWithInput(dir, timeout, null, command);
    }

    /** Like {@link #run} with {@code stdin} (nullable) written to the tool's standard input. */
    public static String runWithInput(Path dir, Duration timeout, String stdin, String... command) {
        requireTool(command[0]);
        try {
            Path out = Files.createTempFile("tool-out", ".txt");
            Path err = Files.createTempFile("tool-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeout);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue()
                            + "): " + Files.readString(err) + Files.readString(out));
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command[0], e);
        }
    }

    /** Fails with a clear message when {@code tool} is not on PATH. */
    public static Path requireTool(String tool) {
        if (tool.contains("/")) {
            return Path.of(tool);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("required tool '" + tool + "' is not on PATH; install it with: apt-get"
                + " install -y " + PACKAGES.getOrDefault(tool, tool));
    }

    /** The fixture cache directory for {@code name} and a hash of everything that went into it. */
    public static Path cacheDir(String name, String... inputs) {
        String root = System.getenv("BULWARK_FIXTURE_CACHE");
        Path base = root == null || root.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".cache", "bulwark-fixtures") : Path.of(root);
        List<String> all = new ArrayList<>(List.of(inputs));
        String hash = dev.bulwark.engine.image.Digest.sha256(String.join("\n", all)
                .getBytes(StandardCharsets.UTF_8)).shortHex();
        return base.resolve(name + "-" + hash);
    }
}
