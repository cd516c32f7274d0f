package dev.bulwark.engine.advisory.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.inventory.Warning;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of the database file. A fixed header (magic, schema version, CRC32C of the sections, the section
 * directory, the metadata JSON) is followed by the sections: package index, advisories by id, alias groups, KEV
 * entries, EPSS scores, each a {@link SortedTable}. All integers are big-endian.
 */
final class DatabaseFormat {
    static final byte[] MAGIC = {'B', 'W', 'A', 'D', 'V', 'D', 'B', 0x1A};
    static final int SCHEMA_VERSION = 1;
    static final int PACKAGES = 0;
    static final int ADVISORIES = 1;
    static final int ALIASES = 2;
    static final int KEV = 3;
    static final int EPSS = 4;
    static final int SECTIONS = 5;
    static final int MAX_METADATA = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseFormat() {
    }

    /** The header for sections of the given lengths, laid out one after the other right behind it. */
    static byte[] header(long crc, long[] lengths, DatabaseMetadata meta) {
        byte[] json = metadataJson(meta);
        int size = MAGIC.length + 4 + 4 + 8 + SECTIONS * 16 + 4 + json.length;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC).putInt(SCHEMA_VERSION).putInt(SECTIONS).putLong(crc);
        long offset = size;
        for (long length : lengths) {
            b.putLong(offset).putLong(length);
            offset += length;
        }
        b.putInt(json.length).put(json);
        return b.array();
    }

    /** Section bounds as [offset, end] pairs after checking the header; the metadata is parsed separately. */
    static int[] sections(ByteBuffer file) {
        if (file.limit() < MAGIC.length + 16 + SECTIONS * 16 + 4) {
            throw new CorruptDatabase("file too short");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (file.get(i) != MAGIC[i]) {
                throw new CorruptDatabase("not a Bulwark advisory database");
            }
        }
        int schema = file.getInt(8);
        if (schema != SCHEMA_VERSION) {
            throw new CorruptDatabase("schema version " + schema + ", this Bulwark reads " + SCHEMA_VERSION);
        }
        if (file.getInt(12) != SECTIONS) {
            throw new CorruptDatabase("unexpected section count");
        }
        int[] bounds = new int[SECTIONS * 2];
        for (int i = 0; i < SECTIONS; i++) {
            long offset = file.getLong(24 + 16 * i);
            long length = file.getLong(32 + 16 * i);
            if (offset < metadataEnd(file) || length < 0 || offset + length > file.limit()) {
                throw new CorruptDatabase("section " + i + " out of the file");
            }
            bounds[2 * i] = (int) offset;
            bounds[2 * i + 1] = (int) (offset + length);
        }
        return bounds;
    }

    static long crc(ByteBuffer file) {
        return file.getLong(16);
    }

    private static int metadataStart() {
        return 24 + 16 * SECTIONS;
    }

    private static int metadataEnd(ByteBuffer file) {
        int len = file.getInt(metadataStart());
        if (len < 0 || len > MAX_METADATA || metadataStart() + 4L + len > file.limit()) {
            throw new CorruptDatabase("metadata length out of bounds");
        }
        return metadataStart() + 4 + len;
    }

    static DatabaseMetadata metadata(ByteBuffer file) {
        int start = metadataStart() + 4;
        byte[] json = new byte[metadataEnd(file) - start];
        file.get(start, json);
        try {
            JsonNode n = JSON.readTree(json);
            List<Warning> examples = new ArrayList<>();
            n.path("warningExamples").forEach(w -> examples.add(new Warning(w.path("code").asText(),
                    w.path("message").asText())));
            return new DatabaseMetadata(n.path("schemaVersion").asInt(), Instant.parse(n.path("builtAt").asText()),
                    n.path("advisories").asLong(), n.path("withdrawn").asLong(), n.path("merged").asLong(),
                    n.path("packageKeys").asLong(), n.path("kevEntries").asLong(), n.path("epssScores").asLong(),
                    n.path("epssModelVersion").textValue(), n.path("epssScoreDate").textValue(),
                    counts(n.path("sources")), counts(n.path("ecosystems")), counts(n.path("warnings")), examples);
        } catch (JacksonException | DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new CorruptDatabase("unreadable metadata");
        } catch (java.io.IOException e) {
            throw new CorruptDatabase("unreadable metadata");
        }
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static byte[] metadataJson(DatabaseMetadata m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("schemaVersion", m.schemaVersion()).put("builtAt", m.builtAt().toString())
                .put("advisories", m.advisories()).put("withdrawn", m.withdrawn()).put("merged", m.merged())
                .put("packageKeys", m.packageKeys()).put("kevEntries", m.kevEntries())
                .put("epssScores", m.epssScores()).put("epssModelVersion", m.epssModelVersion())
                .put("epssScoreDate", m.epssScoreDate());
        n.set("sources", JSON.valueToTree(m.sources()));
        n.set("ecosystems", JSON.valueToTree(m.ecosystems()));
        n.set("warnings", JSON.valueToTree(m.warnings()));
        var examples = n.putArray("warningExamples");
        m.warningExamples().forEach(w -> examples.addObject().put("code", w.code()).put("message", w.message()));
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
