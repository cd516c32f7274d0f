package dev.bulwark.engine.advisory.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.alpine.AlpineSecdbImporter;
import dev.bulwark.engine.advisory.debian.DebianTrackerImporter;
import dev.bulwark.engine.advisory.epss.EpssImporter;
import dev.bulwark.engine.advisory.kev.KevImporter;
import dev.bulwark.engine.advisory.osv.OsvImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports any supported feed from a path, recognising it by content rather than name: a directory is an OSV tree;
 * a zip is an OSV export; gzip or {@code cve,epss} text is EPSS; JSON is told apart by its first keys (OSV
 * {@code id}, secdb {@code distroversion}, KEV {@code vulnerabilities}, tracker {@code {package: {CVE-...: }}}).
 */
public final class Importers {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> OSV_KEYS = Set.of("id", "schema_version", "modified", "published", "aliases",
            "summary", "details", "affected", "withdrawn");
    private static final Set<String> SECDB_KEYS = Set.of("distroversion", "reponame", "urlprefix", "apkurl",
            "archs", "packages");
    private static final Set<String> KEV_KEYS = Set.of("title", "catalogVersion", "dateReleased", "count",
            "vulnerabilities");
    private static final Pattern TRACKER_ID = Pattern.compile("CVE-\\d{4}-\\d+|TEMP-.*");
    private static final int SNIFF_BYTES = 1 << 16;

    private Importers() {
    }

    /** Recognises {@code path} and imports it into {@code sink}; returns what it was taken for. */
    public static FeedFormat importPath(Path path, AdvisorySink sink) {
        FeedFormat format = detect(path);
        switch (format) {
            case OSV_DIRECTORY -> OsvImporter.importDirectory(path, sink);
            case OSV_ZIP -> OsvImporter.importZip(path, sink);
            case OSV_FILE -> OsvImporter.importFile(path, sink);
            case DEBIAN_TRACKER -> DebianTrackerImporter.importFile(path, sink);
            case ALPINE_SECDB -> AlpineSecdbImporter.importFile(path, sink);
            case KEV -> KevImporter.importFile(path, sink);
            case EPSS -> EpssImporter.importFile(path, sink);
            default -> throw new IllegalStateException(format.name());
        }
        return format;
    }

    /** What {@code path} holds; {@link BulwarkException} when it is missing or none of the formats. */
    public static FeedFormat detect(Path path) {
        if (Files.isDirectory(path)) {
            return FeedFormat.OSV_DIRECTORY;
        }
        if (!Files.isRegularFile(path)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "no file or directory " + path);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot read " + path + ": " + e.getMessage(), e);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
            return FeedFormat.OSV_ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return FeedFormat.EPSS;
        }
        String text = new String(head, 0, Math.min(head.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("#model_version") || text.startsWith("cve,epss")) {
            return FeedFormat.EPSS;
        }
        FeedFormat json = sniffJson(head);
        if (json == null) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, path + " is not an advisory feed this Bulwark reads"
                    + " (OSV JSON/zip/directory, Debian tracker JSON, Alpine secdb JSON, CISA KEV JSON, EPSS CSV)");
        }
        return json;
    }

    private static FeedFormat sniffJson(byte[] head) {
        try (JsonParser p = JSON.createParser(head)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String first = p.currentName();
            if (OSV_KEYS.contains(first)) {
                return FeedFormat.OSV_FILE;
            }
            if (SECDB_KEYS.contains(first)) {
                return FeedFormat.ALPINE_SECDB;
            }
            if (KEV_KEYS.contains(first)) {
                return FeedFormat.KEV;
            }
            if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                    && TRACKER_ID.matcher(p.currentName()).matches()) {
                return FeedFormat.DEBIAN_TRACKER;
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
