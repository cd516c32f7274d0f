package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Yarn berry (2 and later) yarn.lock: YAML whose top-level keys are the specs an entry satisfies
 * ({@code "accepts@npm:~1.3.8"}) and whose {@code resolution} names the real package. Workspaces (the project's own
 * sources, {@code linkType: soft}) are not packages. Read one entry at a time.
 */
final class YarnBerryLockParser {
    private YarnBerryLockParser() {
    }

    static List<Package> parse(InputStream in, String path, WarningSink warnings) throws IOException {
        YarnEntries entries = new YarnEntries(path);
        try (JsonParser p = LockfileJson.yaml().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.warn("npm.malformed", path + ": not a YAML mapping");
                return List.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                JsonNode entry = p.readValueAsTree();
                if (key.equals("__metadata") || entry == null || !entry.isObject()) {
                    continue;
                }
                add(entries, key, entry, path, warnings);
            }
        } catch (JacksonException e) {
            warnings.warn("npm.malformed", path + ": " + PackageJsonParser.firstLine(e.getOriginalMessage())
                    + " (entries before it are kept)");
        } catch (YarnEntries.TooManyEntries e) {
            warnings.warn("npm.too-many-entries", path + ": more than " + YarnEntries.MAX_ENTRIES
                    + " entries; the rest are not read");
        }
        return entries.packages();
    }

    private static void add(YarnEntries entries, String key, JsonNode entry, String path, WarningSink warnings) {
        String resolution = LockfileJson.text(entry, "resolution");
        String version = entry.has("version") && entry.get("version").isValueNode() ? entry.get("version").asText()
                : null;
        if ("soft".equals(LockfileJson.text(entry, "linkType"))
                || (resolution != null && resolution.contains("@workspace:"))) {
            return;
        }
        if (version == null || version.isEmpty()) {
            warnings.warn("npm.incomplete-entry", path + ": " + key + " has no version");
            return;
        }
        List<String> specs = new ArrayList<>(2);
        for (String s : key.split(",")) {
            if (!s.isBlank()) {
                specs.add(s.strip());
            }
        }
        YarnEntries.Entry e = new YarnEntries.Entry(specs);
        e.version = version;
        e.name = resolution != null && resolution.indexOf('@', 1) > 0 ? DependencySpec.name(resolution)
                : YarnEntries.realName(specs.get(0));
        e.dependencies.putAll(LockfileJson.stringMap(entry, "dependencies"));
        e.dependencies.putAll(LockfileJson.stringMap(entry, "optionalDependencies"));
        entries.add(e);
    }
}
