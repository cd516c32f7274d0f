package dev.bulwark.engine.policy.exception;

import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.policy.vex.VexMatcher;

/** Decides whether an exception's scopes all match a finding of a target. */
public final class ExceptionMatcher {
    private ExceptionMatcher() {
    }

    public static boolean matches(ExceptionEntry e, Finding f, Inventory.Target target) {
        return (e.id() == null || idMatches(e.id(), f))
                && (e.pkg() == null || packageMatches(e.pkg(), f))
                && (e.image() == null || imageMatches(e.image(), target))
                && (e.path() == null || Glob.matches(e.path(), f.location().path()))
                && (e.namespace() == null || Glob.matches(e.namespace(), namespace(f.location().resource())));
    }

    private static boolean idMatches(String glob, Finding f) {
        if (Glob.matches(glob, f.id())) {
            return true;
        }
        return f instanceof VulnerabilityFinding v && v.aliases().stream().anyMatch(a -> Glob.matches(glob, a));
    }

    private static boolean packageMatches(String pkg, Finding f) {
        if (!(f instanceof VulnerabilityFinding v)) {
            return false;
        }
        if (pkg.startsWith("pkg:")) {
            return VexMatcher.purlMatches(pkg, v.pkg().purl());
        }
        return Glob.matches(pkg, v.pkg().name());
    }

    private static boolean imageMatches(String image, Inventory.Target target) {
        if (target == null) {
            return false;
        }
        if (image.startsWith("sha256:") || image.startsWith("sha512:")) {
            return image.equalsIgnoreCase(target.manifestDigest()) || image.equalsIgnoreCase(target.configDigest());
        }
        return Glob.matches(image, target.name()) || target.repoTags().stream().anyMatch(t -> Glob.matches(image, t));
    }

    /** The namespace of a resource written {@code Kind/namespace/name} (possibly followed by " (container x)"). */
    static String namespace(String resource) {
        if (resource == null) {
            return null;
        }
        String head = resource.split(" ", 2)[0];
        String[] parts = head.split("/");
        return parts.length == 3 ? parts[1] : null;
    }
}
