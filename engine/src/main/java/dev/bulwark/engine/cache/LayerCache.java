package dev.bulwark.engine.cache;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.hardening.LayerNotables;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.layer.CatalogerResult;
import dev.bulwark.engine.layer.LayerIndex;
import dev.bulwark.engine.layer.LayerSecrets;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Per-layer facts on disk, keyed by the layer's diffID plus the reader's or cataloger's name and version, so an
 * unchanged image is rescanned without reading a blob and a bumped cataloger re-reads only for itself.
 *
 * <p>An entry is used only for a blob digest that was once verified to expand to that diffID: the diffID comes from
 * an image config, which an attacker writes, so trusting it alone would let a hostile image borrow a benign layer's
 * cached result. Writes are atomic (temporary file, then rename); unreadable entries count as misses.
 */
public final class LayerCache {
    private static final String INDEX = "index";
    /** Bumped when what the secret scan of a layer records changes. */
    private static final int SECRETS_VERSION = 1;
    /** Larger than any layer's notables (4M path hashes are 32 MiB); a bigger file is damage, not data. */
    private static final int MAX_NOTABLES_BYTES = 256 << 20;
    private final Path root;

    public LayerCache(Path root) {
        this.root = root;
    }

    /** The default location: {@code $BULWARK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/bulwark}, else {@code ~/.cache/bulwark}. */
    public static Path defaultDirectory() {
        String explicit = System.getenv("BULWARK_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "bulwark");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "bulwark");
    }

    public Path root() {
        return root;
    }

    /** A directory for temporary spool files of this cache, created on demand. */
    public Path tempDirectory() {
        Path tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot create " + tmp + ": " + e.getMessage());
        }
        return tmp;
    }

    /** Whether {@code blob} was verified to expand to {@code diffId} in an earlier scan. */
    public boolean isVerified(Digest diffId, Digest blob) {
        try {
            Path f = dir(diffId).resolve("verified");
            return Files.exists(f) && Files.readAllLines(f, StandardCharsets.US_ASCII).contains(blob.toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that {@code blob} expands to {@code diffId}; called only after both digests were checked. */
    public void markVerified(Digest diffId, Digest blob) {
        if (isVerified(diffId, blob)) {
            return;
        }
        Path f = dir(diffId).resolve("verified");
        Set<String> lines = new HashSet<>();
        try {
            if (Files.exists(f)) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            // start afresh
        }
        lines.add(blob.toString());
        write(f, out -> out.write(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII)));
    }

    public Optional<LayerIndex> index(Digest diffId, int version) {
        return read(file(diffId, INDEX, version), in -> FactsCodec.readIndex(in));
    }

    public void putIndex(Digest diffId, int version, LayerIndex index) {
        write(file(diffId, INDEX, version), out -> FactsCodec.writeIndex(out, index));
    }

    public Optional<CatalogerResult> result(Digest diffId, String cataloger, int version) {
        return read(file(diffId, "cat-" + cataloger, version), in -> FactsCodec.readResult(in));
    }

    public void putResult(Digest diffId, String cataloger, int version, CatalogerResult result) {
        write(file(diffId, "cat-" + cataloger, version), out -> FactsCodec.writeResult(out, result));
    }

    /**
     * The secrets of a layer found with the rule set {@code ruleSetVersion} ({@code SecretRuleSet.version()}): a
     * changed rule set is a different entry, so changing rules re-scans the layers.
     */
    public Optional<LayerSecrets> secrets(Digest diffId, String ruleSetVersion) {
        return read(file(diffId, secretsName(ruleSetVersion), SECRETS_VERSION), in -> FactsCodec.readSecrets(in));
    }

    public void putSecrets(Digest diffId, String ruleSetVersion, LayerSecrets secrets) {
        write(file(diffId, secretsName(ruleSetVersion), SECRETS_VERSION),
                out -> FactsCodec.writeSecrets(out, secrets));
    }

    /**
     * The notable files of a layer as {@code NotableFiles} recorded them, under the caller's hardening format
     * {@code version} (bumped when what is notable or its encoding changes). Bytes that do not decode are a miss.
     */
    public Optional<LayerNotables> notables(Digest diffId, int version) {
        return read(file(diffId, "notables", version), in -> {
            byte[] bytes = in.readNBytes(MAX_NOTABLES_BYTES + 1);
            if (bytes.length > MAX_NOTABLES_BYTES) {
                throw new IOException("notables entry larger than " + MAX_NOTABLES_BYTES + " bytes");
            }
            return LayerNotables.decode(bytes);
        });
    }

    public void putNotables(Digest diffId, int version, LayerNotables notables) {
        byte[] bytes = notables.encode();
        write(file(diffId, "notables", version), out -> out.write(bytes));
    }

    private static String secretsName(String ruleSetVersion) {
        return "secrets-" + ruleSetVersion.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /** Deletes the whole cache directory. Returns the number of files removed. */
    public long clean() {
        if (!Files.exists(root)) {
            return 0;
        }
        long[] count = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    count[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot clean cache " + root + ": " + e.getMessage());
        }
        return count[0];
    }

    private Path dir(Digest diffId) {
        return root.resolve("layers").resolve(diffId.algorithm()).resolve(diffId.hex());
    }

    private Path file(Digest diffId, String name, int version) {
        return dir(diffId).resolve(name + "-v" + version + ".bin");
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static <T> Optional<T> read(Path file, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            T value = reader.read(in);
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return Optional.of(value);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file); // corrupt: forget it, the layer will be read again
            } catch (IOException ignored) {
                // a later write replaces it
            }
            return Optional.empty();
        }
    }

    private static void write(Path file, Writer writer) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
            try {
                try (DataOutputStream out = new DataOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    writer.write(out);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write cache " + file + ": " + e.getMessage()
                    + " (use --cache-dir or --no-cache)", e);
        } catch (UncheckedIOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write cache " + file + ": " + e.getMessage(), e);
        }
    }
}
