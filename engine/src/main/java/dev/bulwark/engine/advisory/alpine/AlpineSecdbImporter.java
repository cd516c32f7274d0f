package dev.bulwark.engine.advisory.alpine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.AdvisorySource;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RangeEvent;
import dev.bulwark.engine.advisory.RangeType;
import dev.bulwark.engine.advisory.Reference;
import dev.bulwark.engine.advisory.VersionRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a secdb file ({@code {distroversion, reponame, packages: [{pkg: {name, secfixes: {version: [ids]}}}]}})
 * into one advisory {@code ALPINE-<id>} per fixed id, keyed {@code Alpine:v3.20}. The secfixes version {@code 0}
 * means the release was never affected. Secdb files are about a megabyte; larger than 64 MiB is refused.
 */
public final class AlpineSecdbImporter {
    static final int MAX_BYTES = 64 << 20;
    private static final Pattern RELEASE = Pattern.compile("v\\d{1,2}\\.\\d{1,2}|edge");
    private static final Pattern ID = Pattern.compile("(CVE-\\d{4}-\\d{4,}|[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9-]{1,40})");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 16)
                    .build()).build());

    private AlpineSecdbImporter() {
    }

    public static void importFile(Path file, AdvisorySink sink) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                sink.warn("alpine.too-large", file + ": over " + MAX_BYTES + " bytes; skipped");
                return;
            }
            root = MAPPER.readTree(data);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "secdb file " + file + " does not exist");
        } catch (JacksonException e) {
            sink.warn("alpine.malformed", file + ": not valid JSON; skipped");
            return;
        } catch (IOException e) {
            sink.warn("alpine.unreadable", file + ": " + e.getMessage());
            return;
        }
        String release = root == null ? null : root.path("distroversion").textValue();
        if (release == null || !RELEASE.matcher(release).matches() || !root.path("packages").isArray()) {
            sink.warn("alpine.malformed", file + ": no distroversion like v3.20 or no packages array; skipped");
            return;
        }
        for (JsonNode p : root.get("packages")) {
            JsonNode pkg = p.path("pkg");
            String name = pkg.path("name").textValue();
            if (name == null || !pkg.path("secfixes").isObject()) {
                sink.warn("alpine.wrong-type", file + ": a package without name or secfixes object; skipped");
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fixes = pkg.get("secfixes").fields();
            while (fixes.hasNext()) {
                Map.Entry<String, JsonNode> fix = fixes.next();
                if (!fix.getValue().isArray()) {
                    sink.warn("alpine.wrong-type", file + ": " + name + " " + fix.getKey() + " is not a list");
                    continue;
                }
                for (JsonNode id : fix.getValue()) {
                    deliver(release, name, fix.getKey(), id, file, sink);
                }
            }
        }
    }

    private static void deliver(String release, String name, String version, JsonNode idNode, Path file,
            AdvisorySink sink) {
        // entries look like "CVE-2021-1234" or "CVE-2021-1234 CVE-2021-1235" or "XSA-123 (note)"
        String text = idNode.isTextual() ? idNode.textValue().strip() : "";
        for (String token : text.split("\\s+")) {
            if (token.startsWith("(")) {
                break;
            }
            if (!ID.matcher(token).matches()) {
                sink.warn("alpine.invalid-id", file + ": " + name + " " + version + ": '"
                        + (token.length() > 40 ? token.substring(0, 40) : token) + "' is not an id; skipped");
                continue;
            }
            try {
                PackageKey key = new PackageKey("Alpine:" + release, name);
                Affected affected = "0".equals(version)
                        ? Affected.of(key, List.of(), FixState.NOT_AFFECTED, null, null)
                        : Affected.of(key, List.of(new VersionRange(RangeType.ECOSYSTEM, null, List.of(
                                new RangeEvent(EventKind.INTRODUCED, "0"), new RangeEvent(EventKind.FIXED, version)))),
                                FixState.FIXED, null, null);
                sink.advisory(new Advisory("ALPINE-" + token, List.of(token), List.of(), List.of(), null, null, null,
                        null, null, List.of(), List.of(affected), List.of(new Reference("ADVISORY",
                                "https://security.alpinelinux.org/vuln/" + token)), null, AdvisorySource.ALPINE_SECDB));
            } catch (IllegalArgumentException e) {
                sink.warn("alpine.invalid-entry", file + ": " + name + " " + version + ": " + e.getMessage());
            }
        }
    }
}
