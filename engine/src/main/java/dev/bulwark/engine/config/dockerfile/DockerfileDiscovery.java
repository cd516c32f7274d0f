package dev.bulwark.engine.config.dockerfile;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds Dockerfiles under a directory by name: {@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile},
 * {@code *.Containerfile}, {@code Dockerfile.*} and {@code Containerfile.*} (but not documents such as {@code Dockerfile.md} nor ignore files),
 * skipping VCS and dependency directories.
 */
public final class DockerfileDiscovery {
    /** The deepest directory level searched. */
    public static final int MAX_DEPTH = 32;
    private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", "node_modules", "vendor", ".venv",
            "target", ".terraform");

    // Dockerfile.md and the like are notes about a Dockerfile, not one; .dockerignore files are ignore lists.
    private static final List<String> DOCUMENTS = List.of(".dockerignore", ".containerignore", ".md", ".rst",
            ".adoc", ".html");

    private DockerfileDiscovery() {
    }

    /** Whether a file called {@code fileName} is a Dockerfile by its name. */
    public static boolean isDockerfile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String base : List.of("dockerfile", "containerfile")) {
            if (n.equals(base) || n.endsWith("." + base) || n.startsWith(base + ".")) {
                return DOCUMENTS.stream().noneMatch(n::endsWith);
            }
        }
        return false;
    }

    /** The Dockerfiles at or under {@code root} (a file is returned as is), sorted; symbolic links not followed. */
    public static List<Path> find(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, root + " does not exist");
        }
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH, new FileVisitOption[0])) {
            return walk.filter(p -> Files.isRegularFile(p) && isDockerfile(p.getFileName().toString()))
                    .filter(p -> !skipped(root.relativize(p)))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
