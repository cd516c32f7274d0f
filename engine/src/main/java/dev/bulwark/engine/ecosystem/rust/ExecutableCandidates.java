package dev.bulwark.engine.ecosystem.rust;

/**
 * Which paths may be executables worth opening, from the path alone: files in a {@code bin}, {@code sbin} or
 * {@code libexec} directory at any depth, and files without a dot in their name elsewhere, except under trees that
 * never hold executables. The Go binary cataloger applies the same rule; its Javadoc gives the reasons.
 */
final class ExecutableCandidates {
    private static final String[] EXCLUDED = {"usr/share/", "usr/include/", "etc/", "var/lib/dpkg/", "var/cache/",
        "var/log/", "usr/lib/locale/", "proc/", "sys/", "dev/", "usr/src/"};
    private static final String[] PACKAGE_TREES = {"/node_modules/", "/site-packages/", "/dist-packages/",
        "/gems/", "/.git/"};

    private ExecutableCandidates() {
    }

    static boolean wants(String path) {
        for (String prefix : EXCLUDED) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            int start = path.lastIndexOf('/', slash - 1) + 1;
            String dir = path.substring(start, slash);
            if (dir.equals("bin") || dir.equals("sbin") || dir.equals("libexec")) {
                return true;
            }
        }
        if (path.indexOf('.', slash + 1) >= 0) {
            return false;
        }
        String inTree = "/" + path;
        for (String tree : PACKAGE_TREES) {
            if (inTree.contains(tree)) {
                return false;
            }
        }
        return true;
    }
}
