package dev.bulwark.engine.ecosystem.rust;

import dev.bulwark.engine.catalog.elf.MalformedBinaryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.ExecutableCandidates;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Crates compiled into ELF executables built with {@code cargo auditable}: every package of its embedded dependency
 * list, the root crate included, with its direct dependencies; build-time-only crates (build scripts, proc-macros:
 * {@code "kind": "build"}) are marked development-only, as none of their code is in the binary. Candidate files
 * follow the same rule as the Go binary cataloger (bin directories, dot-less names, no shared libraries).
 */
public final class RustBinaryCataloger implements Cataloger {
    static final String NAME = "rust-binary";
    static final int MAX_PACKAGES = 50_000;

    /**
     * The JSON reader, built when a binary with a dependency section is first met: every scan constructs this
     * cataloger, and an {@code ObjectMapper} built at class initialisation cost each one (an image of Debian
     * packages, a node_modules tree) 50 ms with the startup cache and 300 ms without.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
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
        return ExecutableCandidates.wants(path);
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        byte[] json;
        try {
            json = AuditableSection.read(file.content(), file.size());
        } catch (MalformedBinaryException e) {
            warnings.warn("rust-binary.malformed", file.path() + ": " + e.getMessage() + "; skipped");
            return List.of();
        }
        if (json == null) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            warnings.warn("rust-binary.malformed-json", file.path() + ": .dep-v0 is not JSON ("
                    + e.getOriginalMessage() + "); skipped");
            return List.of();
        }
        return packages(root.path("packages"), file.path(), warnings);
    }

    private static List<Package> packages(JsonNode list, String path, WarningSink warnings) {
        if (!list.isArray()) {
            warnings.warn("rust-binary.malformed-json", path + ": .dep-v0 has no package list; skipped");
            return List.of();
        }
        int count = Math.min(list.size(), MAX_PACKAGES);
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            JsonNode p = list.get(i);
            if (p.path("name").isTextual() && p.path("version").isTextual()) {
                ids[i] = p.get("name").asText() + "@" + p.get("version").asText();
            }
        }
        List<Package> out = new ArrayList<>();
        int skipped = list.size() - count;
        for (int i = 0; i < count; i++) {
            if (ids[i] == null) {
                skipped++;
                continue;
            }
            JsonNode p = list.get(i);
            List<String> deps = new ArrayList<>();
            for (JsonNode d : p.path("dependencies")) {
                int k = d.canConvertToInt() ? d.asInt(-1) : -1;
                if (k >= 0 && k < count && ids[k] != null) {
                    deps.add(ids[k]);
                }
            }
            Package pkg = new Package("cargo", p.get("name").asText(), p.get("version").asText(), null, null, null,
                    List.of(), NAME, path, null, null).withDependsOn(deps);
            if ("build".equals(p.path("kind").asText())) {
                pkg = pkg.withFlags(Set.of(PackageFlag.DEVELOPMENT));
            }
            out.add(pkg);
        }
        if (skipped > 0) {
            warnings.warn("rust-binary.malformed-package", path + ": " + skipped
                    + " packages of .dep-v0 without a name and version (or over the limit) were skipped");
        }
        return out;
    }
}
