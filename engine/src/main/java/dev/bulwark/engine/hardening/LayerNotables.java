package dev.bulwark.engine.hardening;

import java.util.List;
import java.util.Objects;

/**
 * What {@link NotableFiles} recorded about one layer: its notable entries, the paths it deletes (whiteouts and opaque
 * directories, which hide lower layers) and the set of every path it writes. Cache it per diffID with
 * {@link #encode()}; {@link NotableSquash} joins the layers.
 *
 * @param dropped notable entries past {@link NotableFiles#MAX_FILES} that were counted but not kept
 */
public record LayerNotables(List<NotableFile> files, List<Removal> removals, PathSet paths, int dropped) {

    public LayerNotables {
        files = List.copyOf(files);
        removals = List.copyOf(removals);
        Objects.requireNonNull(paths, "paths");
    }

    /**
     * A deletion of lower layers' content.
     *
     * @param path the path deleted (whiteout) or the directory whose lower contents are hidden (opaque)
     */
    public record Removal(String path, boolean opaque) {
        public Removal {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A compact binary form for the layer cache. */
    public byte[] encode() {
        return NotablesCodec.encode(this);
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws dev.bulwark.engine.BulwarkException ({@code INVALID_INPUT}) when the bytes are not such a form; a
     *     cache should treat that as a miss
     */
    public static LayerNotables decode(byte[] bytes) {
        return NotablesCodec.decode(bytes);
    }
}
