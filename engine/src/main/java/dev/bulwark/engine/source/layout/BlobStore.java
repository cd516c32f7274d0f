package dev.bulwark.engine.source.layout;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Files of an OCI image layout or an image archive, by their path inside it. */
public interface BlobStore {
    /** Opens the file at {@code path} (e.g. {@code index.json}, {@code blobs/sha256/HEX}), empty when absent. */
    Optional<InputStream> open(String path) throws IOException;

    /** The size of the file at {@code path}, or -1 when absent. */
    long size(String path) throws IOException;

    /** What to call it in messages. */
    String describe();

    /** Reads a whole small file (manifests, configs), bounded by {@code limit}; empty when absent. */
    default Optional<byte[]> readSmall(String path, int limit, String what) throws IOException {
        long size = size(path);
        if (size < 0) {
            return Optional.empty();
        }
        if (size > limit) {
            throw new dev.bulwark.engine.BulwarkException(dev.bulwark.engine.ErrorKind.INVALID_INPUT,
                    describe() + ": " + what + " is " + size + " bytes, over the limit of " + limit);
        }
        try (InputStream in = open(path).orElseThrow()) {
            return Optional.of(in.readNBytes(limit));
        }
    }
}
