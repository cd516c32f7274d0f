package dev.bulwark.engine.hardening;

import java.util.List;
import java.util.Objects;

/**
 * The notable files of a whole image after the squash.
 *
 * @param present the entries visible in the final file system, each with the layer that wrote it
 * @param hidden entries a later layer deleted or replaced: no longer in the file system, but their bytes still ship
 *     in the layer that wrote them
 * @param dropped notable entries counted but not kept because a layer had more than {@link NotableFiles#MAX_FILES}
 * @param incompleteLayers layer indexes whose path set was cut short: replacements there may have been missed
 */
public record ImageNotables(List<Placed> present, List<Placed> hidden, long dropped, List<Integer> incompleteLayers) {

    public ImageNotables {
        present = List.copyOf(present);
        hidden = List.copyOf(hidden);
        incompleteLayers = List.copyOf(incompleteLayers);
    }

    /** Nothing notable (for images whose layers were not read). */
    public static ImageNotables none() {
        return new ImageNotables(List.of(), List.of(), 0, List.of());
    }

    /**
     * One notable entry and where it came from.
     *
     * @param layer the index of the layer that wrote it, lowest first
     * @param diffId that layer's diffID, or null when unknown
     */
    public record Placed(NotableFile file, int layer, String diffId) {
        public Placed {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The present entries of one kind, in path order. */
    public List<Placed> present(NotableKind kind) {
        return present.stream().filter(p -> p.file().is(kind)).toList();
    }
}
