package dev.bulwark.engine.source.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageUrls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bulwark sbom FILE}: an existing CycloneDX (1.4 to 1.6) or SPDX (2.2, 2.3) JSON document as an inventory
 * source. Packages come from their purls; components without one are counted as warnings. The document is untrusted:
 * size and nesting are bounded.
 */
public final class SbomReader {
    static final long MAX_BYTES = 512L << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256)
                    .maxStringLength(16 << 20).build())
            .build());

    private SbomReader() {
    }

    public static Inventory read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, file + ": no such file");
        }
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": larger than " + MAX_BYTES
                        + " bytes; not read as an SBOM");
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = MAPPER.readTree(in);
            }
        } catch (IOException e) {
            String m = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": not valid JSON (" + m + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": not a JSON object");
        }
        SbomCollector sink = new SbomCollector(file.toString());
        String targetName;
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            String spec = root.path("specVersion").asText();
            if (!List.of("1.4", "1.5", "1.6").contains(spec)) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": CycloneDX specVersion \"" + spec
                        + "\" is not supported (1.4 to 1.6 are)");
            }
            CycloneDxComponents.walk(root.path("components"), 0, sink);
            targetName = root.path("metadata").path("component").path("name").asText(file.toString());
        } else if (root.path("spdxVersion").asText().startsWith("SPDX-2.")) {
            String spec = root.path("spdxVersion").asText();
            if (!spec.equals("SPDX-2.3") && !spec.equals("SPDX-2.2")) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": " + spec + " is not supported (SPDX-2.2"
                        + " and SPDX-2.3 are)");
            }
            SpdxPackages.read(root.path("packages"), sink);
            targetName = root.path("name").asText(file.toString());
        } else {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": neither CycloneDX (bomFormat) nor SPDX"
                    + " (spdxVersion) JSON");
        }
        Inventory.Target target = new Inventory.Target("sbom", targetName, null, null, List.of(), null, null);
        List<Package> withPurls = new ArrayList<>(sink.packages.size());
        for (Package p : sink.packages) {
            try {
                withPurls.add(p.withPurl(PackageUrls.of(p, sink.distro)));
            } catch (BulwarkException e) {
                sink.warn("sbom.bad-package", p.type() + "/" + p.name() + ": " + e.getMessage());
            }
        }
        return new Inventory(target, sink.distro, List.of(), withPurls, sink.warnings);
    }
}
