package dev.bulwark.engine.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An image opened from some source: its manifest, config and layers, and a way to stream each layer blob. Streams
 * returned by {@link #openLayer} verify the blob against its digest and size when read to the end and throw
 * {@link dev.bulwark.engine.BulwarkException} on a mismatch; callers must read them to the end.
 */
public interface Image extends Closeable {
    /** What the user named (reference, file or directory), for messages and reports. */
    String name();

    /** The manifest digest when the source has one (registries, layouts, archives), else null. */
    Digest manifestDigest();

    /** Repository digests and tags known for the image (for reports); may be empty. */
    List<String> repoTags();

    ImageManifest manifest();

    Digest configDigest();

    ImageConfig config();

    /** The layers in order, lowest first, each paired with its diffID. */
    List<Layer> layers();

    /** Opens the blob of one layer (still compressed as stored). */
    InputStream openLayer(Layer layer) throws IOException;

    /**
     * The error kind for an I/O failure while streaming a layer that is not a format problem: REMOTE for registries
     * and engines (the network failed), INVALID_INPUT for files (they are truncated or unreadable).
     */
    default dev.bulwark.engine.ErrorKind readFailureKind() {
        return dev.bulwark.engine.ErrorKind.INVALID_INPUT;
    }

    /**
     * Whether {@link #openLayer} checks each blob against its descriptor digest. When it does and a layer's blob
     * digest equals its diffID, an uncompressed blob need not be hashed a second time for the diffID.
     */
    default boolean verifiesBlobs() {
        return true;
    }

    @Override
    default void close() throws IOException {
    }
}
