package dev.bulwark.engine.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import java.io.IOException;

/**
 * Reads a whole, bounded JSON file for a cataloger: an oversized or malformed file becomes one counted warning
 * ({@code NAME.oversized}, {@code NAME.malformed}) and a null result, never an exception.
 */
public final class CatalogJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private CatalogJson() {
    }

    /** The parsed document, or null after a warning; IOException only when the stream itself fails. */
    public static JsonNode read(CatalogFile file, int limit, String cataloger, WarningSink warnings)
            throws IOException {
        try {
            return MAPPER.readTree(file.readAll(limit));
        } catch (BulwarkException e) {
            warnings.warn(cataloger + ".oversized", e.getMessage() + "; skipped");
        } catch (JacksonException e) {
            warnings.warn(cataloger + ".malformed", file.path() + ": not valid JSON (" + e.getOriginalMessage()
                    + "); skipped");
        }
        return null;
    }
}
