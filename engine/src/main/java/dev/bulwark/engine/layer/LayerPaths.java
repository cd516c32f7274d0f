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
        if (isClean(name)) {
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

    /** Whether every segment is non-empty and neither "." nor "..": then the name is already normal. */
    private static boolean isClean(String name) {
        int start = 0;
        int n = name.length();
        if (n == 0) {
            return false;
        }
        while (start <= n) {
            int slash = name.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            int len = end - start;
            if (len == 0 || (len == 1 && name.charAt(start) == '.')
                    || (len == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.')) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            start = slash + 1;
        }
        return true;
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
