package dev.bulwark.engine.advisory.kev;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.KevEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads {@code known_exploited_vulnerabilities.json} ({@code {catalogVersion, vulnerabilities: [{cveID,
 * vendorProject, product, vulnerabilityName, dateAdded, dueDate, knownRansomwareCampaignUse, shortDescription}]}}).
 * The real file is about 1.5 MB; larger than 64 MiB is refused. Bad entries are skipped with a warning.
 */
public final class KevImporter {
    static final int MAX_BYTES = 64 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 16)
                    .build()).build());

    private KevImporter() {
    }

    public static void importFile(Path file, AdvisorySink sink) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                sink.warn("kev.too-large", file + ": over " + MAX_BYTES + " bytes; skipped");
                return;
            }
            root = MAPPER.readTree(data);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "KEV file " + file + " does not exist");
        } catch (JacksonException e) {
            sink.warn("kev.malformed", file + ": not valid JSON; skipped");
            return;
        } catch (IOException e) {
            sink.warn("kev.unreadable", file + ": " + e.getMessage());
            return;
        }
        if (root == null || !root.path("vulnerabilities").isArray()) {
            sink.warn("kev.malformed", file + ": no vulnerabilities array; skipped");
            return;
        }
        for (JsonNode v : root.get("vulnerabilities")) {
            try {
                sink.kev(new KevEntry(text(v, "cveID"), text(v, "vendorProject"), text(v, "product"),
                        text(v, "vulnerabilityName"), date(v, "dateAdded"), date(v, "dueDate"),
                        text(v, "knownRansomwareCampaignUse"), text(v, "shortDescription")));
            } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
                sink.warn("kev.invalid-entry", file + ": " + text(v, "cveID") + ": " + e.getMessage() + "; skipped");
            }
        }
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static LocalDate date(JsonNode v, String field) {
        String s = text(v, field);
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }
}
