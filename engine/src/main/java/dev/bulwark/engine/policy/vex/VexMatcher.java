package dev.bulwark.engine.policy.vex;

import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.ParsedPurl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the VEX statement that covers a vulnerability finding: same vulnerability (by id or alias) and a product
 * that is the finding's package (by purl, version-aware) or the scanned image (by digest). When several match, the
 * last one read wins, as later documents override earlier ones.
 */
public final class VexMatcher {
    private final List<VexStatement> statements;

    public VexMatcher(List<VexStatement> statements) {
        this.statements = List.copyOf(statements);
    }

    public Optional<VexStatement> statementFor(VulnerabilityFinding finding, Inventory.Target target) {
        VexStatement found = null;
        for (VexStatement s : statements) {
            if (sameVulnerability(s, finding) && productMatches(s, finding, target)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean sameVulnerability(VexStatement s, VulnerabilityFinding f) {
        for (String a : ids(s.vulnerability(), s.aliases())) {
            for (String b : ids(f.vulnerabilityId(), f.aliases())) {
                if (a.equalsIgnoreCase(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> ids(String id, List<String> aliases) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream()).toList();
    }

    private static boolean productMatches(VexStatement s, VulnerabilityFinding f, Inventory.Target target) {
        String purl = f.pkg().purl();
        if (!s.subcomponents().isEmpty()) {
            boolean inProduct = s.products().isEmpty() || s.products().stream()
                    .anyMatch(p -> isImage(p, target) || purlMatches(p, purl));
            return inProduct && s.subcomponents().stream().anyMatch(c -> purlMatches(c, purl));
        }
        return s.products().stream().anyMatch(p -> isImage(p, target) || purlMatches(p, purl));
    }

    /** A product naming the image: a digest, or a {@code pkg:oci} purl whose version is the digest. */
    static boolean isImage(String product, Inventory.Target target) {
        if (target == null) {
            return false;
        }
        String digest = product;
        if (product.startsWith("pkg:oci/")) {
            try {
                digest = ParsedPurl.parse(product).version();
            } catch (RuntimeException e) {
                return false;
            }
        }
        if (digest == null || !digest.contains(":")) {
            return false;
        }
        return digest.equalsIgnoreCase(target.manifestDigest()) || digest.equalsIgnoreCase(target.configDigest());
    }

    /**
     * Whether {@code statementPurl} covers {@code packagePurl}: same type, namespace and name; a statement without a
     * version covers every version; qualifiers count only when the statement names them.
     */
    public static boolean purlMatches(String statementPurl, String packagePurl) {
        if (statementPurl == null || packagePurl == null || !statementPurl.startsWith("pkg:")) {
            return false;
        }
        ParsedPurl s;
        ParsedPurl p;
        try {
            s = ParsedPurl.parse(statementPurl);
            p = ParsedPurl.parse(packagePurl);
        } catch (RuntimeException e) {
            return false;
        }
        if (!s.type().equals(p.type()) || !s.name().equals(p.name())
                || !lower(s.namespace()).equals(lower(p.namespace()))) {
            return false;
        }
        if (s.version() != null && !s.version().equals(p.version())) {
            return false;
        }
        for (Map.Entry<String, String> q : s.qualifiers().entrySet()) {
            if (!q.getValue().equals(p.qualifiers().get(q.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
