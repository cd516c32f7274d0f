package dev.bulwark.report.spdx;

import dev.bulwark.report.UniqueRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the identifiers an SPDX document needs from arbitrary strings: element ids ({@code SPDXRef-[A-Za-z0-9.-]+})
 * and {@code LicenseRef-} ids for license names that are not known SPDX identifiers. Not thread-safe; one instance
 * per document.
 */
final class SpdxIds {
    private static final int MAX_ID_PART = 80;

    private final UniqueRefs elements = new UniqueRefs();
    private final UniqueRefs licenseRefs = new UniqueRefs();
    private final Map<String, String> licenses = new LinkedHashMap<>();

    String element(String kind, String... parts) {
        StringBuilder id = new StringBuilder("SPDXRef-").append(kind);
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                id.append('-').append(idChars(part));
            }
        }
        return elements.claim(id.toString());
    }

    /** The LicenseRef for a license name; the same name always gets the same ref within one document. */
    String license(String name) {
        return licenses.computeIfAbsent(name, n -> licenseRefs.claim("LicenseRef-" + idChars(n)));
    }

    /** Every license name handed out so far, with its ref, in first-use order. */
    Map<String, String> licenses() {
        return licenses;
    }

    private static String idChars(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_ID_PART).forEach(cp -> {
            boolean ok = cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-');
            out.append(ok ? (char) cp : '-');
        });
        return out.isEmpty() ? "x" : out.toString();
    }
}
