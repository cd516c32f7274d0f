package dev.bulwark.engine.catalog;

/**
 * Which paths may be executables worth opening, from the path alone, for the catalogers that read build information
 * out of binaries (Go, Rust): files in a {@code bin}, {@code sbin} or {@code libexec} directory at any depth, and
 * files without a dot in their name elsewhere, except under trees that never hold executables (documentation,
 * headers, configuration, package databases, language package trees). {@code GoBinaryCataloger}'s Javadoc gives the
 * reasons. Asked of every path of a scan, so it allocates nothing.
 */
public final class ExecutableCandidates {
    private static final String[] EXCLUDED = {"usr/share/", "usr/include/", "etc/", "var/lib/dpkg/", "var/cache/",
        "var/log/", "usr/lib/locale/", "proc/", "sys/", "dev/", "usr/src/"};
    /** Trees, as path components, that hold language packages, never executables of their own. */
    private static final String[] PACKAGE_TREES = {"node_modules/", "site-packages/", "dist-packages/", "gems/",
        ".git/"};
    private static final String[] INNER_PACKAGE_TREES = {"/node_modules/", "/site-packages/", "/dist-packages/",
        "/gems/", "/.git/"};

    private ExecutableCandidates() {
    }

    public static boolean wants(String path) {
        for (String prefix : EXCLUDED) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            int start = path.lastIndexOf('/', slash - 1) + 1;
            int length = slash - start;
            if ((length == 3 && path.startsWith("bin", start)) || (length == 4 && path.startsWith("sbin", start))
                    || (length == 7 && path.startsWith("libexec", start))) {
                return true;
            }
        }
        if (path.indexOf('.', slash + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < PACKAGE_TREES.length; i++) {
            // the tree as a whole component: at the start of the path or after a slash
            if (path.startsWith(PACKAGE_TREES[i]) || path.contains(INNER_PACKAGE_TREES[i])) {
                return false;
            }
        }
        return true;
    }
}
