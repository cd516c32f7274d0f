package dev.bulwark.engine.ecosystem.npm;

/**
 * The kinds of file the npm cataloger reads, told apart by path alone so that {@code wants} stays a few string
 * checks.
 */
enum NpmFileKind {
    /** {@code node_modules/NAME/package.json} or {@code node_modules/@SCOPE/NAME/package.json}: an installed package. */
    INSTALLED,
    /** A project's own {@code package.json} outside {@code node_modules}: its direct and development dependencies. */
    MANIFEST,
    /** {@code package-lock.json} or {@code npm-shrinkwrap.json}. */
    PACKAGE_LOCK,
    /** {@code yarn.lock}, classic or berry (told apart by content). */
    YARN_LOCK,
    /** {@code pnpm-lock.yaml}. */
    PNPM_LOCK;

    private static final String NODE_MODULES = "node_modules/";

    /**
     * The kind of the file at {@code path}, or null when it is none of ours. Lockfiles and manifests inside an
     * installed package are the package's own sources, which npm does not install from, so they are not read; nor
     * are files deeper in a package directory (test fixtures, {@code lib/package.json} markers).
     */
    static NpmFileKind of(String path) {
        int slash = path.lastIndexOf('/');
        String base = path.substring(slash + 1);
        switch (base) {
            case "package.json" -> {
                int nm = lastNodeModules(path);
                if (nm < 0) {
                    return MANIFEST;
                }
                return isPackageDir(path, nm + NODE_MODULES.length(), slash) ? INSTALLED : null;
            }
            case "package-lock.json", "npm-shrinkwrap.json" -> {
                return lastNodeModules(path) < 0 ? PACKAGE_LOCK : null;
            }
            case "yarn.lock" -> {
                return lastNodeModules(path) < 0 ? YARN_LOCK : null;
            }
            case "pnpm-lock.yaml" -> {
                return lastNodeModules(path) < 0 ? PNPM_LOCK : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The start of the last {@code node_modules/} path segment, or -1. */
    static int lastNodeModules(String path) {
        int at = path.lastIndexOf(NODE_MODULES);
        while (at > 0 && path.charAt(at - 1) != '/') {
            at = path.lastIndexOf(NODE_MODULES, at - 1);
        }
        return at;
    }

    /** Whether {@code path[from, end)} is {@code NAME} or {@code @SCOPE/NAME}, neither hidden ({@code .bin}, {@code .pnpm}). */
    private static boolean isPackageDir(String path, int from, int end) {
        if (from >= end || path.charAt(from) == '.') {
            return false;
        }
        int inner = path.indexOf('/', from);
        if (inner == end) {
            return path.charAt(from) != '@'; // a scope directory alone is not a package
        }
        if (path.charAt(from) != '@' || inner + 1 >= end || path.charAt(inner + 1) == '.') {
            return false;
        }
        return path.indexOf('/', inner + 1) == end;
    }
}
