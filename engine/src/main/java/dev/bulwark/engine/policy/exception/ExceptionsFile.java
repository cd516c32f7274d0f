package dev.bulwark.engine.policy.exception;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.config.yaml.YamlDocument;
import dev.bulwark.engine.config.yaml.YamlReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an exceptions file (YAML, format in docs/policy.md); every entry is checked and named in errors. */
public final class ExceptionsFile {
    private static final Set<String> KEYS = Set.of("id", "package", "image", "path", "namespace", "justification",
            "owner", "expires");

    private ExceptionsFile() {
    }

    /**
     * Parses the file.
     *
     * @throws BulwarkException INVALID_INPUT naming the file and entry ({@code file#3 (CVE-2024-1)})
     */
    public static List<ExceptionEntry> parse(String file, byte[] content) {
        List<ExceptionEntry> out = new ArrayList<>();
        for (YamlDocument doc : new YamlReader().read(file, content).documents()) {
            if (doc.root() == null) {
                continue;
            }
            if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("exceptions") instanceof List<?> list)) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": expected an 'exceptions' list");
            }
            for (Object o : list) {
                out.add(entry(file + "#" + (out.size() + 1), o));
            }
        }
        return out;
    }

    private static ExceptionEntry entry(String name, Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw invalid(name, "an exception must be a mapping");
        }
        String label = m.get("id") == null ? name : name + " (" + m.get("id") + ")";
        for (Object key : m.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw invalid(label, "unknown field '" + key + "'");
            }
        }
        String justification = required(m, label, "justification");
        String owner = required(m, label, "owner");
        LocalDate expires = date(label, m.get("expires"));
        String id = text(m, "id");
        String pkg = text(m, "package");
        String image = text(m, "image");
        String path = text(m, "path");
        String namespace = text(m, "namespace");
        if (id == null && pkg == null && image == null && path == null && namespace == null) {
            throw invalid(label, "needs at least one of id, package, image, path, namespace");
        }
        return new ExceptionEntry(label, id, pkg, image, path, namespace, justification, owner, expires);
    }

    private static LocalDate date(String label, Object v) {
        if (v == null) {
            throw invalid(label, "missing required field 'expires' (a date, YYYY-MM-DD)");
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(v).trim());
        } catch (DateTimeParseException e) {
            throw invalid(label, "'expires' is not a date (YYYY-MM-DD): " + v);
        }
    }

    private static String required(Map<?, ?> m, String label, String key) {
        String v = text(m, key);
        if (v == null || v.isBlank()) {
            throw invalid(label, "missing required field '" + key + "'");
        }
        return v;
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static BulwarkException invalid(String label, String reason) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, "exception " + label + ": " + reason);
    }
}
