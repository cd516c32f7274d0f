package dev.bulwark.engine.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalises tar entry names to image paths: relative to the root, no leading {@code ./} or {@code /}, no empty or
 * {@code .} segments, no trailing slash. Names that try to leave the root ({@code ..}) or are absolute are refused:
 * no image builder writes them, so they are a sign of a hostile archive.
 */
public final class LayerPaths {
    private LayerPaths() {
    }

    /**
     * The normalised path, or "" for the root itself.
     *
     * @throws IllegalArgumentException naming the problem, for absolute or escaping names
     */
    public static String normalize(String name) {
        if (name.startsWith("/")) {
            throw new IllegalArgumentException("absolute entry name \"" + shorten(name) + "\"");
        }
        if (name.indexOf('\\') < 0 && !name.contains("./") && !name.contains("//") && !name.endsWith("/")
                && !name.equals(".") && !name.equals("..")) {
            return name;
        }
        List<String> parts = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException("entry name with \"..\": \"" + shorten(name) + "\"");
            }
            parts.add(segment);
        }
        return String.join("/", parts);
    }

    /** The parent directory path ("" for top-level entries). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment. */
    public static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
