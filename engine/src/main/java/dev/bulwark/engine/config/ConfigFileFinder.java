package dev.bulwark.engine.config;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the configuration files under a path for {@code bulwark config}: Compose files by name, and YAML or JSON
 * files that hold Kubernetes objects (an {@code apiVersion} and a {@code kind} near the top). Symbolic links are not
 * followed; version-control and dependency directories are skipped.
 */
public final class ConfigFileFinder {

    /** A file found and what it holds. */
    public record ConfigFile(Path path, Format format) {
    }

    /** The formats this finder recognises. */
    public enum Format { KUBERNETES, COMPOSE }

    private static final Pattern COMPOSE_NAME =
            Pattern.compile("(docker-)?compose(\\.[\\w.-]+)?\\.ya?ml");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", "vendor",
            ".terraform");
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern API_VERSION = Pattern.compile("(?m)(^|[\\s{,\"])\"?apiVersion\"?\\s*:");
    private static final Pattern KIND = Pattern.compile("(?m)(^|[\\s{,\"])\"?kind\"?\\s*:");

    private ConfigFileFinder() {
    }

    /** The configuration files at or under {@code root}, in path order. */
    public static List<ConfigFile> find(Path root) {
        if (!Files.exists(root)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, root + ": no such file or directory");
        }
        List<ConfigFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED_DIRS.contains(String.valueOf(dir.getFileName()))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        Format format = formatOf(file);
                        if (format != null) {
                            found.add(new ConfigFile(file, format));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, root + ": cannot list files: " + e.getMessage(), e);
        }
        found.sort((a, b) -> a.path().compareTo(b.path()));
        return found;
    }

    /** What {@code file} holds, judged by its name and its first bytes, or null when it is neither format. */
    public static Format formatOf(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (COMPOSE_NAME.matcher(name).matches()) {
            return Format.COMPOSE;
        }
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
            return API_VERSION.matcher(head).find() && KIND.matcher(head).find() ? Format.KUBERNETES : null;
        } catch (IOException e) {
            return null;
        }
    }
}
