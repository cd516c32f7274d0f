package dev.bulwark.engine.ecosystem.rust;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crates pinned by a {@code Cargo.lock}, lockfile versions 1 to 4: one package per {@code [[package]]} with its
 * SHA-256 (the {@code checksum} field, or v1's {@code [metadata]} table) and its direct dependencies, whose entries
 * are {@code "name"}, {@code "name version"} or {@code "name version (source)"} and name a package of the same file.
 */
public final class CargoLockCataloger implements Cataloger {
    static final String NAME = "cargo-lock";
    /** The largest real lockfiles (rustc's own) are well under 1 MB. */
    static final int MAX_SIZE = 16 << 20;

    /** The TOML reader, built when a Cargo.lock is first met, not whenever a scan constructs this cataloger. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build());
    }

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
        return path.equals("Cargo.lock") || path.endsWith("/Cargo.lock");
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(file.readAll(MAX_SIZE));
        } catch (BulwarkException e) {
            warnings.warn("cargo-lock.oversized", e.getMessage() + "; skipped");
            return List.of();
        } catch (JacksonException e) {
            warnings.warn("cargo-lock.malformed", file.path() + ": not valid TOML (" + e.getOriginalMessage()
                    + "); skipped");
            return List.of();
        }
        JsonNode list = root.path("package");
        if (!list.isArray()) {
            return List.of();
        }
        Map<String, List<String>> versionsByName = new HashMap<>();
        for (JsonNode p : list) {
            if (p.path("name").isTextual() && p.path("version").isTextual()) {
                versionsByName.computeIfAbsent(p.get("name").asText(), k -> new ArrayList<>())
                        .add(p.get("version").asText());
            }
        }
        JsonNode metadata = root.path("metadata");
        List<Package> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode p : list) {
            if (!p.path("name").isTextual() || !p.path("version").isTextual()) {
                skipped++;
                continue;
            }
            String name = p.get("name").asText();
            String version = p.get("version").asText();
            String checksum = p.path("checksum").asText(null);
            if (checksum == null && p.path("source").isTextual()) {
                checksum = metadata.path("checksum " + name + " " + version + " (" + p.get("source").asText() + ")")
                        .asText(null);
            }
            List<String> deps = new ArrayList<>();
            for (JsonNode d : p.path("dependencies")) {
                String dep = dependency(d.asText(""), versionsByName);
                if (dep != null) {
                    deps.add(dep);
                }
            }
            Package pkg = new Package("cargo", name, version, null, null, null, List.of(), NAME, file.path(), null,
                    null).withDependsOn(deps);
            if (checksum != null && checksum.matches("[0-9a-f]{64}")) {
                pkg = pkg.withHashes(Map.of("sha256", checksum));
            }
            out.add(pkg);
        }
        if (skipped > 0) {
            warnings.warn("cargo-lock.malformed-package", file.path() + ": " + skipped
                    + " [[package]] entries without a name and version were skipped");
        }
        return out;
    }

    private static String dependency(String entry, Map<String, List<String>> versionsByName) {
        String[] f = entry.strip().split(" ");
        if (f[0].isEmpty()) {
            return null;
        }
        if (f.length >= 2) {
            return f[0] + "@" + f[1];
        }
        List<String> versions = versionsByName.get(f[0]);
        // cargo writes the bare name only when one version of that crate is in the lockfile
        return versions != null && versions.size() == 1 ? f[0] + "@" + versions.get(0) : null;
    }
}
