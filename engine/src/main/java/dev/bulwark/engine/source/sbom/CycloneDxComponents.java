package dev.bulwark.engine.source.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.inventory.Distro;
import java.util.ArrayList;
import java.util.List;

/** Walks CycloneDX {@code components} (nested ones too): libraries by purl, the operating system as the distro. */
final class CycloneDxComponents {
    private static final int MAX_DEPTH = 64;

    private CycloneDxComponents() {
    }

    static void walk(JsonNode components, int depth, SbomCollector sink) {
        if (components == null || !components.isArray()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            sink.warn("sbom.too-deep", "components nested deeper than " + MAX_DEPTH + "; the rest are skipped");
            return;
        }
        int i = 0;
        for (JsonNode c : components) {
            String label = "component " + (c.hasNonNull("bom-ref") ? c.get("bom-ref").asText() : "#" + i);
            i++;
            if ("operating-system".equals(c.path("type").asText())) {
                if (sink.distro == null && c.hasNonNull("name")) {
                    sink.distro = new Distro(c.get("name").asText().toLowerCase(java.util.Locale.ROOT),
                            c.hasNonNull("version") ? c.get("version").asText() : null, null,
                            c.hasNonNull("description") ? c.get("description").asText() : null, null, "sbom");
                }
            } else {
                sink.add(c.hasNonNull("purl") ? c.get("purl").asText() : null, licenses(c.get("licenses")), label);
            }
            walk(c.get("components"), depth + 1, sink);
        }
    }

    private static List<String> licenses(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode l : array) {
                JsonNode lic = l.path("license");
                String v = lic.hasNonNull("id") ? lic.get("id").asText()
                        : lic.hasNonNull("name") ? lic.get("name").asText()
                        : l.hasNonNull("expression") ? l.get("expression").asText() : null;
                if (v != null && !v.isEmpty()) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
