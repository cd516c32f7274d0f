package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real tools for Java fixtures and expected values: Maven (apt {@code maven}) against Maven Central with a local
 * repository kept in the fixture cache, {@code sha1sum} (coreutils) and {@code unzip} (apt {@code unzip}). Fixtures
 * are built once under {@code ${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}/NAME-HASH}.
 */
final class JavaTools {
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final Map<String, String> APT = Map.of("mvn", "maven", "sha1sum", "coreutils", "unzip", "unzip");

    interface Builder {
        void build(Path into) throws Exception;
    }

    private JavaTools() {
    }

    static Path cacheRoot() {
        String configured = System.getenv("BULWARK_FIXTURE_CACHE");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "bulwark-fixtures");
    }

    /** Maven's local repository for fixtures: downloads are kept between runs. */
    static Path mavenRepository() {
        return cacheRoot().resolve("java-maven-repository");
    }

    static String hash(String... inputs) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String input : inputs) {
            sha.update(input.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /** The fixture directory {@code NAME-HASH}, built into a scratch directory and moved in whole when done. */
    static synchronized Path fixture(String name, String hash, Builder builder) throws Exception {
        Path dir = cacheRoot().resolve(name + "-" + hash);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(cacheRoot());
        Path scratch = Files.createTempDirectory(cacheRoot(), name + "-building-");
        try {
            builder.build(scratch);
            try {
                Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
        } finally {
            deleteTree(scratch);
        }
        return dir;
    }

    /** Runs Maven in batch mode on the fixture repository; returns its output. */
    static String mvn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q",
                "-Dmaven.repo.local=" + mavenRepository()));
        command.addAll(List.of(args));
        return run(dir, 900, command.toArray(String[]::new));
    }

    /** Downloads {@code group:artifact:version} (no dependencies) and returns the jar in the local repository. */
    static Path fetch(String coordinates) throws IOException, InterruptedException {
        String[] gav = coordinates.split(":");
        Path jar = mavenRepository().resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            Path tmp = Files.createTempDirectory("bulwark-mvn-");
            try {
                mvn(tmp, DEPENDENCY_PLUGIN + ":get", "-Dartifact=" + coordinates, "-Dtransitive=false");
            } finally {
                deleteTree(tmp);
            }
        }
        return jar;
    }

    static String sha1sum(Path file) throws IOException, InterruptedException {
        return run(file.getParent(), 60, "sha1sum", file.toString()).split("\\s+")[0];
    }

    static String run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        requireTool(command[0]);
        Path out = Files.createTempFile("bulwark-tool-", ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                            "/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String output = Files.readString(out, StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static void requireTool(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail("this test needs the '" + tool + "' tool: apt-get install -y " + APT.getOrDefault(tool, tool));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
