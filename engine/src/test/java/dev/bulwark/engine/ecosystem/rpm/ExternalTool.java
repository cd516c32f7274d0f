package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real tool (rpm, rpmbuild, db_load, sqlite3, gpg) with a timeout; a missing tool fails naming its package. */
final class ExternalTool {
    private static final Map<String, String> APT_PACKAGE = Map.of(
            "rpm", "rpm", "rpmbuild", "rpm", "rpmdb", "rpm", "db_load", "db-util", "sqlite3", "sqlite3",
            "gpg", "gpg");

    private ExternalTool() {
    }

    /** Runs {@code command} in {@code dir} with {@code stdin} (or none), returning stdout; fails on a non-zero exit. */
    static byte[] run(Path dir, Path stdin, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        requireTool(command[0]);
        Path out = Files.createTempFile("bulwark-tool-", ".out");
        Path err = Files.createTempFile("bulwark-tool-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            if (stdin != null) {
                pb.redirectInput(stdin.toFile());
            } else {
                pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + Files.readString(err));
            }
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String runText(Path dir, String... command) throws IOException, InterruptedException {
        return new String(run(dir, null, Map.of(), command), java.nio.charset.StandardCharsets.UTF_8);
    }

    static void requireTool(String tool) {
        List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")));
        for (String dir : path) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail("this test needs the '" + tool + "' tool: apt-get install -y "
                + APT_PACKAGE.getOrDefault(tool, tool));
    }
}
