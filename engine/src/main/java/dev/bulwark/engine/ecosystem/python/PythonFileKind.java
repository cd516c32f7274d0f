package dev.bulwark.engine.ecosystem.python;

/** The kinds of file the Python cataloger reads, told apart by path alone. */
enum PythonFileKind {
    /** {@code NAME-VERSION.dist-info/METADATA} in a site-packages or dist-packages directory (wheels, pip). */
    DIST_INFO,
    /** {@code *.egg-info/PKG-INFO}, a {@code *.egg-info} file, or {@code *.egg/EGG-INFO/PKG-INFO} (setuptools). */
    EGG_INFO,
    POETRY_LOCK,
    PIPFILE_LOCK,
    UV_LOCK,
    /** {@code requirements*.txt}, {@code *-requirements.txt} or {@code requirements/*.txt}. */
    REQUIREMENTS;

    static PythonFileKind of(String path) {
        // Every kind's name ends so; asked of every path of a scan, most are turned away here without allocating.
        if (!(path.endsWith(".txt") || path.endsWith(".lock") || path.endsWith("METADATA") || path.endsWith("PKG-INFO")
                || path.endsWith(".egg-info"))) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String base = path.substring(slash + 1);
        if (base.equals("METADATA")) {
            return path.endsWith(".dist-info/METADATA") && installed(path) ? DIST_INFO : null;
        }
        if (base.equals("PKG-INFO")) {
            return (path.endsWith(".egg-info/PKG-INFO") || path.endsWith(".egg/EGG-INFO/PKG-INFO")) && installed(path)
                    ? EGG_INFO : null;
        }
        if (base.endsWith(".egg-info")) {
            return installed(path) ? EGG_INFO : null;
        }
        if (installed(path) || path.contains("node_modules/") || path.startsWith("usr/share/doc/")) {
            // A library's own lockfiles and requirements, and examples shipped as documentation, are not what is
            // installed here.
            return null;
        }
        return switch (base) {
            case "poetry.lock" -> POETRY_LOCK;
            case "Pipfile.lock" -> PIPFILE_LOCK;
            case "uv.lock" -> UV_LOCK;
            default -> requirements(path, slash, base) ? REQUIREMENTS : null;
        };
    }

    private static boolean requirements(String path, int slash, String base) {
        if (!base.endsWith(".txt")) {
            return false;
        }
        if (base.startsWith("requirements") || base.endsWith("-requirements.txt")
                || base.endsWith("_requirements.txt")) {
            return true;
        }
        return slash >= 12 && path.startsWith("requirements", slash - 12)
                && (slash == 12 || path.charAt(slash - 13) == '/');
    }

    /** Whether the path lies in a site-packages or dist-packages directory. */
    static boolean installed(String path) {
        return siteDirEnd(path) > 0;
    }

    /** The end of the {@code site-packages} / {@code dist-packages} segment of the path, or -1. */
    static int siteDirEnd(String path) {
        int at = path.indexOf("-packages/");
        while (at >= 0) {
            int start = at - 4;
            if (start >= 0 && (path.startsWith("site", start) || path.startsWith("dist", start))
                    && (start == 0 || path.charAt(start - 1) == '/')) {
                return at + "-packages".length();
            }
            at = path.indexOf("-packages/", at + 1);
        }
        return -1;
    }
}
