package dev.bulwark.engine.advisory.debian;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.AdvisorySink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Streams the tracker's {@code data/json} export ({@code {source: {CVE: {description, scope, debianbug, releases:
 * {codename: {status, repositories, fixed_version, urgency, nodsa, nodsa_reason}}}}}}), one source package at a
 * time, so memory stays bounded by the largest package ({@code linux}), not the whole file. A malformed package is
 * skipped with a warning; a cut-off file keeps the packages read before the cut and warns.
 */
public final class DebianTrackerImporter {
    static final long MAX_DOCUMENT = 2L << 30;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 20)
                    .maxDocumentLength(MAX_DOCUMENT).maxNameLength(4096).build())
            .build());

    private DebianTrackerImporter() {
    }

    public static void importFile(Path file, AdvisorySink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            importStream(in, file.toString(), sink);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "Debian tracker file " + file + " does not exist");
        } catch (IOException e) {
            sink.warn("debian.unreadable", file + ": " + e.getMessage());
        }
    }

    public static void importStream(InputStream in, String origin, AdvisorySink sink) throws IOException {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                sink.warn("debian.malformed", origin + ": not a tracker JSON object; nothing imported");
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String source = p.currentName();
                p.nextToken();
                JsonNode cves = p.readValueAsTree();
                if (cves == null || !cves.isObject()) {
                    sink.warn("debian.wrong-type", origin + ": package " + abbreviate(source)
                            + " is not an object; skipped");
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> it = cves.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    TrackerEntries.deliver(source, e.getKey(), e.getValue(), origin, sink);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                sink.warn("debian.malformed", origin + ": unexpected " + p.currentToken() + " at top level");
            }
        } catch (JacksonException e) {
            sink.warn("debian.malformed", origin + ": " + firstLine(e.getOriginalMessage())
                    + "; packages after this point were not imported");
        }
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
