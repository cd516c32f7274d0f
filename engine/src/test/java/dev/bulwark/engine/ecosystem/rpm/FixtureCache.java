package dev.bulwark.engine.ecosystem.rpm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Slow fixtures built once under {@code ${BULWARK_FIXTURE_CACHE:-$HOME/.cache/bulwark-fixtures}/NAME-HASH}, where
 * the hash covers every input of the build, so a changed input builds afresh and reruns are fast.
 */
final class FixtureCache {
    interface Builder {
        void build(Path into) throws Exception;
    }

    private FixtureCache() {
    }

    static Path root() {
        String configured = System.getenv("BULWARK_FIXTURE_CACHE");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "bulwark-fixtures");
    }

    static String hash(byte[]... inputs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] input : inputs) {
                sha.update(Integer.toString(input.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(input);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture directory, built by {@code builder} into a scratch directory and moved in whole when done. */
    static synchronized Path get(String name, String hash, Builder builder) throws Exception {
        Path dir = root().resolve(name + "-" + hash);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(root());
        Path scratch = Files.createTempDirectory(root(), name + "-building-");
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
