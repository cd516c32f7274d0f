package dev.bulwark.engine.version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real tool once over many inputs: the lines are its standard input, its standard output lines the answers,
 * one per input line. Fails with the tool's name and error output when it is missing, fails or times out.
 */
public final class BatchTool {
    private BatchTool() {
    }

    public static List<String> run(List<String> input, int timeoutSeconds, String... command) {
        try {
            Path in = Files.createTempFile("bulwark-batch", ".in");
            Path out = Files.createTempFile("bulwark-batch", ".out");
            Path err = Files.createTempFile("bulwark-batch", ".err");
            try {
                Files.write(in, input, StandardCharsets.UTF_8);
                ProcessBuilder pb = new ProcessBuilder(command).redirectInput(in.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p;
                try {
                    p = pb.start();
                } catch (IOException e) {
                    throw new AssertionError(command[0] + " is not installed (see docs/development.md): "
                            + e.getMessage());
                }
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command[0] + " timed out after " + timeoutSeconds + " s");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                List<String> lines = new java.util.ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
                while (lines.size() > input.size() && lines.get(lines.size() - 1).isBlank()) {
                    lines.remove(lines.size() - 1);
                }
                if (lines.size() != input.size()) {
                    throw new AssertionError(command[0] + " answered " + lines.size() + " lines for " + input.size()
                            + " inputs: " + Files.readString(err, StandardCharsets.UTF_8));
                }
                return lines;
            } finally {
                Files.deleteIfExists(in);
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

    /** The sign of a comparison result. */
    public static int sign(int c) {
        return Integer.signum(c);
    }
}
