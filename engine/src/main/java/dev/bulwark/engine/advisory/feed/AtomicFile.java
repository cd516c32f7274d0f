package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a reader, or a process killed half-way, sees the old file or the new one, never a mix:
 * the new bytes go to a temporary file in the same directory, are flushed to disk, and are renamed over the target.
 */
final class AtomicFile {
    private static final String SUFFIX = ".part";

    private AtomicFile() {
    }

    /** A new, empty temporary file beside {@code target}, named so {@link #removeLeftovers} can find it later. */
    static Path temporaryFor(Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + target.getFileName() + ".", SUFFIX);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot create a temporary file beside " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Flushes {@code temp} to disk and renames it over {@code target}; the directory entry is flushed too. */
    static void commit(Path temp, Path target) {
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot replace " + target + " atomically: "
                        + e.getMessage(), e);
            }
            Path dir = target.toAbsolutePath().getParent();
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException notSupported) {
                // Some file systems cannot open a directory for sync; the rename itself is still atomic.
            }
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot move the new " + target.getFileName()
                    + " into place: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Deletes temporary files an earlier, killed run left beside {@code target}. */
    static void removeLeftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (var entries = Files.newDirectoryStream(dir, e -> {
            String name = e.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX);
        })) {
            entries.forEach(AtomicFile::deleteQuietly);
        } catch (IOException ignored) {
            // Leftovers only cost space; the update itself does not depend on removing them.
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stray temporary file is harmless and is removed by the next run.
        }
    }
}
