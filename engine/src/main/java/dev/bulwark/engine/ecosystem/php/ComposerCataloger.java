package dev.bulwark.engine.ecosystem.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.CatalogJson;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composer packages: {@code composer.lock} ({@code packages}, and {@code packages-dev} marked development-only) and
 * {@code vendor/composer/installed.json}, in Composer 1's format (a plain array) and Composer 2's ({@code packages}
 * with {@code dev-package-names}). Names are {@code vendor/name}; licenses and the packages each requires
 * (platform requirements such as {@code php} and {@code ext-json} left out) are kept.
 */
public final class ComposerCataloger implements Cataloger {
    static final String NAME = "composer";
    static final int MAX_SIZE = 64 << 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return path.equals("composer.lock") || path.endsWith("/composer.lock")
                || path.endsWith("vendor/composer/installed.json");
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root = CatalogJson.read(file, MAX_SIZE, NAME, warnings);
        if (root == null) {
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        Set<String> dev = new HashSet<>();
        if (root != null && root.isArray()) {
            root.forEach(entries::add); // Composer 1 installed.json
        } else if (root != null && root.isObject()) {
            root.path("packages").forEach(entries::add);
            root.path("packages-dev").forEach(p -> {
                entries.add(p);
                dev.add(p.path("name").asText());
            });
            root.path("dev-package-names").forEach(n -> dev.add(n.asText()));
        } else {
            warnings.warn("composer.malformed", file.path() + ": neither a lockfile nor an installed.json; skipped");
            return List.of();
        }
        Map<String, String> versions = new HashMap<>();
        for (JsonNode p : entries) {
            if (p.path("name").isTextual() && p.path("version").isTextual()) {
                versions.putIfAbsent(p.get("name").asText(), p.get("version").asText());
            }
        }
        List<Package> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode p : entries) {
            if (!p.path("name").isTextual() || !p.path("version").isTextual() || p.get("name").asText().isEmpty()) {
                skipped++;
                continue;
            }
            String name = p.get("name").asText();
            List<String> licenses = new ArrayList<>();
            JsonNode license = p.path("license");
            if (license.isTextual()) {
                licenses.add(license.asText());
            } else {
                license.forEach(l -> licenses.add(l.asText()));
            }
            List<String> deps = new ArrayList<>();
            p.path("require").fieldNames().forEachRemaining(r -> {
                if (versions.containsKey(r)) {
                    deps.add(r + "@" + versions.get(r));
                }
            });
            Package pkg = new Package("composer", name, p.get("version").asText(), null, null, null, licenses, NAME,
                    file.path(), null, null).withDependsOn(deps);
            out.add(dev.contains(name) ? pkg.withFlags(Set.of(PackageFlag.DEVELOPMENT)) : pkg);
        }
        if (skipped > 0) {
            warnings.warn("composer.malformed-package", file.path() + ": " + skipped
                    + " entries without a name and version were skipped");
        }
        return out;
    }
}
