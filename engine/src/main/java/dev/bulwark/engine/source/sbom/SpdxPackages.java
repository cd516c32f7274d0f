package dev.bulwark.engine.source.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads SPDX 2.x {@code packages}: each package's {@code purl} external reference and declared license. */
final class SpdxPackages {
    private SpdxPackages() {
    }

    static void read(JsonNode packages, SbomCollector sink) {
        if (packages == null || !packages.isArray()) {
            return;
        }
        int i = 0;
        for (JsonNode p : packages) {
            String label = "package " + (p.hasNonNull("SPDXID") ? p.get("SPDXID").asText() : "#" + i);
            i++;
            String purl = null;
            for (JsonNode ref : p.path("externalRefs")) {
                if ("purl".equals(ref.path("referenceType").asText())) {
                    purl = ref.path("referenceLocator").asText(null);
                    break;
                }
            }
            String declared = p.path("licenseDeclared").asText("");
            List<String> licenses = declared.isEmpty() || declared.equals("NOASSERTION") || declared.equals("NONE")
                    ? List.of() : List.of(declared);
            sink.add(purl, licenses, label);
        }
    }
}
