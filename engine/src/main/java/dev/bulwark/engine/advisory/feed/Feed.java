package dev.bulwark.engine.advisory.feed;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file to download: a short name for messages, the URL, the relative path it is saved under (which is also the
 * path a mirror serves it at, see {@link FeedConfig}) and the most bytes accepted.
 *
 * @param name e.g. {@code osv/PyPI}, {@code kev}
 * @param url http or https URL
 * @param path relative, {@code /}-separated, no {@code .} or {@code ..} segments
 * @param maxBytes the largest body accepted
 */
public record Feed(String name, URI url, String path, long maxBytes) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:+-]{0,99}");

    public Feed {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(path, "path");
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())
                || url.getHost() == null) {
            throw new IllegalArgumentException("feed " + name + ": not an http(s) URL: " + url);
        }
        if (!isSafePath(path)) {
            throw new IllegalArgumentException("feed " + name + ": unsafe path \"" + path + "\"");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("feed " + name + ": maxBytes must be positive");
        }
    }

    /** Whether {@code path} is relative, has no empty, {@code .} or {@code ..} segment, and plain characters only. */
    static boolean isSafePath(String path) {
        if (path.isEmpty() || path.length() > 300) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")
                    || segment.endsWith(".part")) {
                return false;
            }
        }
        return true;
    }
}
