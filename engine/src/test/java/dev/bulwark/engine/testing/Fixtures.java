package dev.bulwark.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * Slow, real test fixtures built once per machine by scripts under {@code engine/src/test/fixtures} and cached
 * outside the checkout, keyed by a hash of the script, so reruns are fast and a changed script rebuilds.
 */
public final class Fixtures {
    private static final Map<String, Path> BUILT = new HashMap<>();

    private Fixtures() {
    }

    /** {@code $BULWARK_FIXTURE_CACHE}, else {@code ~/.cache/bulwark-fixtures}. */
    public static Path cacheRoot() {
        String env = System.getenv("BULWARK_FIXTURE_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "bulwark-fixtures");
    }

    /** The Debian 12 images of {@code debian-image.sh}. */
    public static DebianImages debian() {
        return new DebianImages(build("debian-image.sh", 1800));
    }

    /**
     * Runs a fixture script into {@code <cache>/<script>-<hash>} unless that directory is complete, and returns it.
     */
    public static synchronized Path build(String script, int timeoutSeconds) {
        return BUILT.computeIfAbsent(script, s -> {
            Path source = scriptPath(s);
            try {
                String key = hash(Files.readAllBytes(source));
                Path out = cacheRoot().resolve(s.replace(".sh", "") + "-" + key);
                if (!Files.exists(out.resolve(".complete"))) {
                    Files.createDirectories(out);
                    Tools.run(timeoutSeconds, "bash", source.toString(), out.toString());
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Finds {@code engine/src/test/fixtures/NAME} from the working directory of any module. */
    public static Path scriptPath(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("engine/src/test/fixtures").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
            candidate = dir.resolve("src/test/fixtures").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("fixture script " + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /** The shared test data of the project, {@code ../shared/data} from the repository root. */
    public static Path sharedData() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("../shared/data not found");
    }

    static String hash(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(data)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(InputStream in) throws IOException {
        return hash(in.readAllBytes());
    }
}
