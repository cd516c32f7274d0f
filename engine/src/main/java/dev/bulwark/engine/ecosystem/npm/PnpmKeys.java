package dev.bulwark.engine.ecosystem.npm;

/**
 * Names and versions out of pnpm-lock.yaml keys and dependency values across lockfile formats: {@code /name/1.0.0_peer}
 * (5.x), {@code /name@1.0.0(peer@2)} (6.0) and {@code name@1.0.0(peer@2)} (9.0), peer suffixes dropped.
 */
final class PnpmKeys {
    private PnpmKeys() {
    }

    /** {@code name@version} of a package key, or null when the key names no registry version (a tarball URL). */
    static String id(String key, boolean legacySlashes) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        if (legacySlashes) {
            int slash = k.lastIndexOf('/');
            int peer = k.indexOf('_', Math.max(slash, 0));
            String version = slash < 0 ? "" : k.substring(slash + 1, peer < 0 ? k.length() : peer);
            String name = slash < 0 ? "" : k.substring(0, slash);
            return name.isEmpty() || version.isEmpty() || name.contains(":") ? null : name + "@" + version;
        }
        int paren = k.indexOf('(');
        String base = paren < 0 ? k : k.substring(0, paren);
        int at = base.lastIndexOf('@');
        if (at <= 0 || at == base.length() - 1 || base.contains(":")) {
            return null;
        }
        return base;
    }

    /**
     * The {@code name@version} a dependency value points at: a plain version ({@code 1.0.0(peer@2)},
     * {@code 1.0.0_peer}) is the dependency's own name at that version; an alias names another package
     * ({@code /real/1.0.0}, {@code /real@1.0.0}, {@code real@1.0.0}). Links to workspace folders are null.
     */
    static String target(String name, String value, boolean legacySlashes) {
        if (value.startsWith("link:") || value.startsWith("file:")) {
            return null;
        }
        int paren = value.indexOf('(');
        String base = paren < 0 ? value : value.substring(0, paren);
        if (base.startsWith("/") || base.indexOf('@', 1) > 0) {
            return id(value, legacySlashes && base.startsWith("/"));
        }
        if (legacySlashes) {
            int peer = base.indexOf('_');
            base = peer < 0 ? base : base.substring(0, peer);
        }
        return base.isEmpty() ? null : name + "@" + base;
    }
}
