package dev.bulwark.engine.catalog;

import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.List;

/**
 * Finds packages of one ecosystem in the files of one layer. The engine asks {@link #wants} for every regular file
 * of a layer (so it must be cheap) and hands each wanted file to {@link #parse}. The result for a layer is cached
 * under the layer's diffID plus {@link #name()} and {@link #version()}: bump the version whenever the output for
 * the same input can change.
 *
 * <p>Implementations are stateless and thread-safe: layers are read in parallel.
 */
public interface Cataloger {
    /** A stable name, e.g. {@code dpkg}; part of cache keys and reports. */
    String name();

    /** Bumped whenever parsing changes; part of the cache key. */
    int version();

    /** Whether this cataloger reads the regular file at {@code path} (relative to the image root, no leading slash). */
    boolean wants(String path);

    /**
     * Parses one wanted file. Malformed content is reported through {@code warnings} and skipped, never thrown: one
     * bad entry must not lose the rest. An IOException means the file could not be read at all.
     */
    List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException;

    /**
     * Turns what this cataloger found in the files that survive in the squashed image into the final packages, for
     * catalogers that split one package's facts across files (dpkg's licenses live in copyright files). Called once
     * per scan. The default keeps the packages as they are.
     */
    default List<Package> assemble(List<Package> found) {
        return found;
    }
}
