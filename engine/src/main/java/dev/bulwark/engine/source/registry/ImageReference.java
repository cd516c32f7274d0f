package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference in Docker's grammar, {@code [host[:port]/]path[:tag][@algorithm:hex]}, normalised the way the
 * docker and podman CLIs do: no host means {@code docker.io}, a one-part Docker Hub path gets {@code library/}, and
 * neither tag nor digest means {@code latest}. {@link #parse} reports every malformed reference as one
 * {@link ErrorKind#USAGE} line.
 *
 * @param registry the registry as named ({@code docker.io}, {@code localhost:5000}, {@code [::1]:5000})
 * @param repository the repository path inside the registry, e.g. {@code library/alpine}
 * @param tag the tag, or null when only a digest was given
 * @param digest the manifest digest the user pinned, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    /** Docker Hub's name in references and its API host. */
    public static final String DOCKER_HUB = "docker.io";
    public static final String DOCKER_HUB_API = "registry-1.docker.io";
    static final String DOCKER_HUB_LEGACY = "index.docker.io";

    private static final int NAME_MAX = 255;
    // Longest valid text: name, ':' + 128-char tag, '@sha512:' + 128 hex. Anything longer is refused before any regex.
    private static final int INPUT_MAX = NAME_MAX + 1 + 128 + 8 + 128;
    private static final String ALNUM = "[a-z0-9]++";
    private static final String SEPARATOR = "(?:[._]|__|-++)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*+";
    private static final Pattern PATH = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*+");
    // Not possessive: a label may end in the middle of what a greedy run of [a-zA-Z0-9-] would take.
    private static final String DOMAIN_COMPONENT = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile("(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT
            + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*+(?:[-_+.][A-Za-z][A-Za-z0-9]*+)*+:"
            + "[0-9a-fA-F]{32,}");
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        if (registry == null || registry.isEmpty() || repository == null || repository.isEmpty()) {
            throw new IllegalArgumentException("registry and repository are required");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
    }

    /** Parses and normalises a reference; throws {@link ErrorKind#USAGE} naming what is wrong. */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw usage(String.valueOf(text), "reference is empty");
        }
        if (text.length() > INPUT_MAX) {
            throw usage(text, "reference is longer than " + INPUT_MAX + " characters");
        }
        if (IMAGE_ID.matcher(text).matches()) {
            throw usage(text, "a 64-character hexadecimal string is an image id, not a repository name");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = parseDigest(text, rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw usage(text, "tag \"" + tag + "\" is not valid (letters, digits, '_', '.', '-'; at most 128;"
                        + " not starting with '.' or '-')");
            }
        }
        if (rest.isEmpty()) {
            throw usage(text, "repository name is missing");
        }
        String registry;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? null : rest.substring(0, slash);
        if (first == null) {
            registry = DOCKER_HUB;
            path = rest;
        } else if (first.equals("localhost") || first.contains(".") || first.contains(":")
                || !first.equals(first.toLowerCase(Locale.ROOT))) {
            registry = first.equals(DOCKER_HUB_LEGACY) ? DOCKER_HUB : first;
            path = rest.substring(slash + 1);
        } else {
            registry = DOCKER_HUB;
            path = rest;
        }
        if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = "library/" + path;
        }
        if (!DOMAIN.matcher(registry).matches()) {
            throw usage(text, "registry \"" + registry + "\" is not a valid host[:port]");
        }
        if (!PATH.matcher(path).matches()) {
            if (PATH.matcher(path.toLowerCase(Locale.ROOT)).matches()) {
                throw usage(text, "repository name \"" + path + "\" must be lowercase");
            }
            throw usage(text, "repository name \"" + path + "\" is not valid (lowercase letters, digits and"
                    + " separators '.', '_', '__', '-', components split by '/')");
        }
        if (registry.length() + 1 + path.length() > NAME_MAX) {
            throw usage(text, "repository name is longer than " + NAME_MAX + " characters");
        }
        return new ImageReference(registry, path, tag, digest);
    }

    private static Digest parseDigest(String text, String digestText) {
        if (!DIGEST.matcher(digestText).matches()) {
            throw usage(text, "digest \"" + digestText + "\" is not valid (expected sha256:<64 hex digits>)");
        }
        try {
            return Digest.parse(digestText);
        } catch (IllegalArgumentException e) {
            String algorithm = digestText.substring(0, digestText.indexOf(':'));
            if (algorithm.equals("sha256") || algorithm.equals("sha512")) {
                throw usage(text, "digest \"" + digestText + "\" is not valid (" + algorithm + " needs "
                        + (algorithm.equals("sha256") ? 64 : 128) + " lowercase hex digits)");
            }
            throw usage(text, "digest algorithm \"" + algorithm + "\" is not supported (use sha256 or sha512)");
        }
    }

    private static BulwarkException usage(String text, String problem) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return new BulwarkException(ErrorKind.USAGE, "invalid image reference \"" + shown + "\": " + problem);
    }

    /** The host[:port] to send API requests to; Docker Hub's API lives on a different host than its name. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry.toLowerCase(Locale.ROOT);
    }

    /** The host without port, lowercase, without IPv6 brackets. */
    public String hostName() {
        String host = registry.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host.substring(1, host.indexOf(']'));
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Whether the registry is on this machine, where plain HTTP is acceptable. */
    public boolean isLoopback() {
        String host = hostName();
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** What goes after {@code /manifests/}: the digest when pinned, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** The repository without tag or digest, e.g. {@code docker.io/library/alpine}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The canonical form, e.g. {@code docker.io/library/alpine:latest}. */
    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
