package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Real npm, Yarn and pnpm installs built once by {@code build-npm-fixtures.sh} into
 * {@code <fixture cache>/npm-installs-<hash of the script>} and reused.
 */
final class NpmFixtures {
    private static Path built;

    private NpmFixtures() {
    }

    static synchronized Path installs() {
        if (built == null) {
            built = build("build-npm-fixtures.sh", "npm-installs", 1200);
        }
        return built;
    }

    /** Runs a script of this package's test resources into a cache directory named by its hash, unless there. */
    static Path build(String script, String name, int timeoutSeconds) {
        for (String tool : new String[] {"node", "npm", "npx"}) {
            if (!Tools.onPath(tool)) {
                throw new AssertionError("these tests need " + tool + " (node 20 and npm) on the PATH");
            }
        }
        try (InputStream in = NpmFixtures.class.getResourceAsStream(script)) {
            byte[] text = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 16);
            Path dir = Fixtures.cacheRoot().resolve(name + "-" + hash);
            if (Files.exists(dir.resolve(".complete"))) {
                return dir;
            }
            Files.createDirectories(Fixtures.cacheRoot());
            Path scratch = Files.createTempDirectory(Fixtures.cacheRoot(), name + "-building-");
            Path file = scratch.resolve(script);
            Files.write(file, text);
            Path out = Files.createDirectories(scratch.resolve("out"));
            Tools.run(timeoutSeconds, "bash", file.toString(), out.toString());
            deleteTree(dir);
            Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(scratch);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
