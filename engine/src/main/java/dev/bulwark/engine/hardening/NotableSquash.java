package dev.bulwark.engine.hardening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which notable entries are in the final image, with OCI layer semantics: an entry of layer {@code i}
 * survives unless a later layer writes the same path (replacing it, perhaps without the setuid bit), deletes it or
 * a directory above it (whiteout, opaque directory), or puts a non-directory where a directory above it was. The
 * squashed {@code FileTree} cannot answer this alone: it holds only links, whiteouts and cataloged files, not every
 * file a later layer rewrote, which is why each layer's {@link PathSet} is kept.
 */
public final class NotableSquash {
    private NotableSquash() {
    }

    /**
     * @param layers each layer's notables, lowest layer first
     * @param diffIds the layers' diffIDs in the same order (for locations), or an empty list
     */
    public static ImageNotables squash(List<LayerNotables> layers, List<String> diffIds) {
        if (!diffIds.isEmpty() && diffIds.size() != layers.size()) {
            throw new IllegalArgumentException(diffIds.size() + " diffIDs for " + layers.size() + " layers");
        }
        List<ImageNotables.Placed> present = new ArrayList<>();
        List<ImageNotables.Placed> hidden = new ArrayList<>();
        List<Integer> incomplete = new ArrayList<>();
        long dropped = 0;
        List<Removals> removals = layers.stream().map(Removals::of).toList();
        for (int i = 0; i < layers.size(); i++) {
            LayerNotables layer = layers.get(i);
            dropped += layer.dropped();
            if (!layer.paths().complete()) {
                incomplete.add(i);
            }
            String diffId = diffIds.isEmpty() ? null : diffIds.get(i);
            for (NotableFile f : layer.files()) {
                ImageNotables.Placed placed = new ImageNotables.Placed(f, i, diffId);
                (survives(f.path(), layers, removals, i) ? present : hidden).add(placed);
            }
        }
        Comparator<ImageNotables.Placed> order = Comparator.comparing((ImageNotables.Placed p) -> p.file().path())
                .thenComparingInt(ImageNotables.Placed::layer);
        present.sort(order);
        hidden.sort(order);
        return new ImageNotables(present, hidden, dropped, incomplete);
    }

    static boolean survives(String path, List<LayerNotables> layers, List<Removals> removals, int from) {
        for (int j = from + 1; j < layers.size(); j++) {
            LayerNotables later = layers.get(j);
            Removals gone = removals.get(j);
            if (later.paths().containsAny(path) || gone.whiteouts.contains(path) || gone.opaque.contains("")) {
                return false;
            }
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String ancestor = path.substring(0, slash);
                if (later.paths().containsNonDirectory(ancestor) || gone.whiteouts.contains(ancestor)
                        || gone.opaque.contains(ancestor)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One layer's removals as sets, so each check costs the depth of the path, not the number of whiteouts. */
    record Removals(Set<String> whiteouts, Set<String> opaque) {
        static Removals of(LayerNotables layer) {
            Set<String> whiteouts = new HashSet<>();
            Set<String> opaque = new HashSet<>();
            for (LayerNotables.Removal r : layer.removals()) {
                (r.opaque() ? opaque : whiteouts).add(r.path());
            }
            return new Removals(whiteouts, opaque);
        }
    }
}
