package dev.bulwark.engine.tree;

import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.FileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The squashed view of an image: layers applied in order with OCI whiteout and opaque-directory semantics, each
 * path remembering the layer that last wrote it. Symlinks are resolved inside the image root only: {@code ..} stops
 * at the root and absolute targets start from it, so no path ever names a file of the host.
 */
public final class FileTree {
    /** Linux's own limit on symlinks followed while resolving one path. */
    static final int MAX_LINK_HOPS = 40;

    private final NavigableMap<String, Node> nodes = new TreeMap<>();

    /** A path in the squashed view and the layer index that introduced its current content. */
    public record Node(FileEntry entry, int layer) {
    }

    /**
     * Applies one layer on top of what is there: its whiteouts and opaque markers first (they only hide lower
     * layers, as the OCI image spec says), then its entries.
     */
    public void apply(int layer, List<FileEntry> entries) {
        for (FileEntry e : entries) {
            if (e.type() == EntryType.WHITEOUT) {
                nodes.remove(e.path());
                removeBelow(e.path());
            } else if (e.type() == EntryType.OPAQUE) {
                removeBelow(e.path());
            }
        }
        for (FileEntry e : entries) {
            if (e.type() == EntryType.WHITEOUT || e.type() == EntryType.OPAQUE) {
                continue;
            }
            if (e.type() != EntryType.DIRECTORY) {
                removeBelow(e.path()); // a file or link replacing a directory hides what was under it
            }
            nodes.put(e.path(), new Node(e, layer));
        }
    }

    /** The node at exactly this path (no link resolution). */
    public Optional<Node> get(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** Every node, in path order. */
    public Map<String, Node> nodes() {
        return java.util.Collections.unmodifiableNavigableMap(nodes);
    }

    /**
     * Resolves symlinks in every component of {@code path}, staying inside the root.
     *
     * @return the resolved path, or empty when a link loops or a hop budget runs out
     */
    public Optional<String> resolve(String path) {
        return resolveDetailed(path).map(Resolution::path);
    }

    /** A resolved path, and whether some link on the way tried to climb above the root (and was held at it). */
    public record Resolution(String path, boolean escaped) {
    }

    /** As {@link #resolve}, telling also whether a link tried to leave the root. */
    public Optional<Resolution> resolveDetailed(String path) {
        boolean escaped = false;
        List<String> done = new ArrayList<>();
        ArrayList<String> pending = new ArrayList<>(List.of(split(path)));
        java.util.Collections.reverse(pending);
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.remove(pending.size() - 1);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                } else if (hops > 0) {
                    escaped = true;
                }
                continue;
            }
            done.add(part);
            Node n = nodes.get(String.join("/", done));
            if (n == null || n.entry().type() != EntryType.SYMLINK) {
                continue;
            }
            if (++hops > MAX_LINK_HOPS) {
                return Optional.empty();
            }
            done.remove(done.size() - 1);
            String target = n.entry().linkTarget() == null ? "" : n.entry().linkTarget();
            if (target.startsWith("/")) {
                done.clear();
            }
            String[] t = split(target);
            for (int i = t.length - 1; i >= 0; i--) {
                pending.add(t[i]);
            }
        }
        return Optional.of(new Resolution(String.join("/", done), escaped));
    }

    private void removeBelow(String dir) {
        nodes.subMap(dir + "/", true, dir + "0", false).clear();
    }

    private static String[] split(String path) {
        return path.split("/");
    }
}
