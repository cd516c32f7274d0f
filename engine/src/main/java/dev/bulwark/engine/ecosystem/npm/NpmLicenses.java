package dev.bulwark.engine.ecosystem.npm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The licenses a package.json or lockfile entry declares: {@code license} as an SPDX expression, or the deprecated
 * object and {@code licenses} array forms ({@code {"type": "MIT"}}) that old packages still carry.
 */
final class NpmLicenses {
    private static final int MAX = 16;

    private NpmLicenses() {
    }

    static List<String> of(JsonNode pkg) {
        List<String> out = new ArrayList<>(1);
        add(out, pkg.get("license"));
        JsonNode many = pkg.get("licenses");
        if (many != null && many.isArray()) {
            for (JsonNode l : many) {
                if (out.size() >= MAX) {
                    break;
                }
                add(out, l);
            }
        } else {
            add(out, many);
        }
        return out;
    }

    private static void add(List<String> out, JsonNode l) {
        if (l == null) {
            return;
        }
        String value = l.isTextual() ? l.asText() : l.isObject() ? LockfileJson.text(l, "type") : null;
        if (value != null && !value.isBlank() && value.length() <= 256 && !out.contains(value.strip())) {
            out.add(value.strip());
        }
    }
}
