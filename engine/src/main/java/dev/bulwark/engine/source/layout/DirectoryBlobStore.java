package dev.bulwark.engine.source.layout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** An OCI image layout directory. Paths never leave it: names with {@code ..} or a leading slash are refused. */
public final class DirectoryBlobStore implements BlobStore {
    private final Path root;

    public DirectoryBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        Path p = resolve(path);
        if (p == null || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
    }

    @Override
    public long size(String path) throws IOException {
        Path p = resolve(path);
        return p != null && Files.isRegularFile(p) ? Files.size(p) : -1;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path resolve(String path) throws IOException {
        if (path.startsWith("/") || path.contains("..")) {
            return null;
        }
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root.normalize())) {
            return null;
        }
        // A blob that is a symlink may point anywhere on this machine; follow it only if it stays inside.
        if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(root.toRealPath(LinkOption.NOFOLLOW_LINKS)
                .toRealPath())) {
            return null;
        }
        return p;
    }
}
