package dev.bulwark.engine.catalog;

/**
 * Which files can hold language packages, so OS package databases record ownership of those files only (a full
 * file list of a large image would be hundreds of thousands of paths for no use).
 */
public final class PackageFiles {
    private static final String[] SUFFIXES = {".jar", ".war", ".ear", ".par", "/METADATA", "/PKG-INFO", ".gemspec",
        "/package.json", ".deps.json", "/installed.json", "/composer.lock", "/Cargo.lock", "/Gemfile.lock", "/go.mod",
        "/packages.lock.json", "/package-lock.json", "/yarn.lock", "/pnpm-lock.yaml", "/poetry.lock", "/uv.lock",
        "/Pipfile.lock"};
    private static final String[] BINARY_DIRS = {"bin/", "sbin/", "libexec/"};

    private PackageFiles() {
    }

    /** Whether a cataloger may read packages from {@code path}: archives, metadata, lockfiles, executables. */
    public static boolean mayHoldPackages(String path) {
        for (String s : SUFFIXES) {
            if (path.endsWith(s)) {
                return true;
            }
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        for (String d : BINARY_DIRS) {
            if (dir.endsWith(d)) {
                return true;
            }
        }
        return false;
    }
}
