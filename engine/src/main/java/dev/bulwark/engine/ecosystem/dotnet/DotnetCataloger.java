package dev.bulwark.engine.ecosystem.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.CatalogJson;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NuGet packages of .NET applications and projects. {@code *.deps.json} (written next to every built app): each
 * {@code libraries} entry of type {@code package}, with its SHA-512 and its dependencies from the runtime target.
 * {@code packages.lock.json}: each resolved package of every target framework ({@code Direct}, {@code Transitive},
 * {@code CentralTransitive}; {@code Project} references are the solution's own code), once per name and version.
 */
public final class DotnetCataloger implements Cataloger {
    static final String NAME = "dotnet";
    static final int MAX_SIZE = 32 << 20;

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
        return path.endsWith(".deps.json") || path.equals("packages.lock.json")
                || path.endsWith("/packages.lock.json");
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        JsonNode root = CatalogJson.read(file, MAX_SIZE, NAME, warnings);
        if (root == null) {
            return List.of();
        }
        if (root == null || !root.isObject()) {
            warnings.warn("dotnet.malformed", file.path() + ": not a JSON object; skipped");
            return List.of();
        }
        return file.path().endsWith(".deps.json") ? deps(root, file.path()) : lock(root, file.path());
    }

    private static List<Package> deps(JsonNode root, String path) {
        JsonNode target = root.path("targets").path(root.path("runtimeTarget").path("name").asText(""));
        Map<String, Package> out = new LinkedHashMap<>();
        root.path("libraries").properties().forEach(e -> {
            int slash = e.getKey().lastIndexOf('/');
            if (slash <= 0 || !"package".equals(e.getValue().path("type").asText())) {
                return;
            }
            Package p = nuget(e.getKey().substring(0, slash), e.getKey().substring(slash + 1), path,
                    e.getValue().path("sha512").asText(""));
            out.put(p.name() + "@" + p.version(), p);
        });
        List<Package> result = new ArrayList<>(out.size());
        for (Package p : out.values()) {
            List<String> deps = new ArrayList<>();
            target.path(p.name() + "/" + p.version()).path("dependencies").properties().forEach(d -> {
                String id = d.getKey() + "@" + d.getValue().asText();
                if (out.containsKey(id)) {
                    deps.add(id);
                }
            });
            result.add(p.withDependsOn(deps));
        }
        return result;
    }

    private static List<Package> lock(JsonNode root, String path) {
        Map<String, Package> out = new LinkedHashMap<>();
        root.path("dependencies").properties().forEach(framework -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            framework.getValue().properties().forEach(e -> {
                if (e.getValue().path("resolved").isTextual() && !"Project".equals(e.getValue().path("type").asText())) {
                    resolved.put(e.getKey(), e.getValue().get("resolved").asText());
                }
            });
            framework.getValue().properties().forEach(e -> {
                String version = resolved.get(e.getKey());
                if (version == null) {
                    return;
                }
                List<String> deps = new ArrayList<>();
                e.getValue().path("dependencies").fieldNames().forEachRemaining(d -> {
                    if (resolved.containsKey(d)) {
                        deps.add(d + "@" + resolved.get(d));
                    }
                });
                Package p = nuget(e.getKey(), version, path, e.getValue().path("contentHash").asText(""))
                        .withDependsOn(deps);
                out.putIfAbsent(p.name() + "@" + p.version(), p);
            });
        });
        return List.copyOf(out.values());
    }

    /** NuGet records SHA-512 as base64, in deps.json with an SRI-style {@code sha512-} prefix. */
    private static Package nuget(String name, String version, String path, String sha512) {
        Package p = new Package("nuget", name, version, null, null, null, List.of(), NAME, path, null, null);
        String b64 = sha512.startsWith("sha512-") ? sha512.substring(7) : sha512;
        try {
            byte[] digest = Base64.getDecoder().decode(b64);
            if (digest.length == 64) {
                return p.withHashes(Map.of("sha512", HexFormat.of().formatHex(digest)));
            }
        } catch (IllegalArgumentException e) {
            // not base64: the hash is left out, the package kept
        }
        return p;
    }
}
