package dev.bulwark.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real external tools for tests, with a timeout and a clear failure naming the tool and its output. */
public final class Tools {
    private Tools() {
    }

    /** Runs the command; returns its standard output; fails the test if it exits non-zero or times out. */
    public static String run(int timeoutSeconds, String... command) {
        return run(timeoutSeconds, null, command);
    }

    public static String run(int timeoutSeconds, Path workDir, String... command) {
        try {
            Path out = Files.createTempFile("bulwark-tool", ".out");
            Path err = Files.createTempFile("bulwark-tool", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                if (workDir != null) {
                    pb.directory(workDir.toFile());
                }
                Process p;
                try {
                    p = pb.start();
                } catch (IOException e) {
                    throw new AssertionError(command[0] + " is not installed (run .ci/run's setup, or apt-get install"
                            + " it): " + e.getMessage());
                }
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                            + Files.readString(err, StandardCharsets.UTF_8) + stdout);
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether a tool is on the PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
