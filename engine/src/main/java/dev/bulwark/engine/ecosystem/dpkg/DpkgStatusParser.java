package dev.bulwark.engine.ecosystem.dpkg;

import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a dpkg status file (or one distroless {@code status.d} file) into stanzas. Lines that belong to no field are
 * counted as warnings and the parse goes on with the next stanza.
 */
final class DpkgStatusParser {
    /** Description fields can be long; no real line is a megabyte. */
    private static final int MAX_LINE = 1 << 20;
    private static final int MAX_STANZAS = 1_000_000;

    private DpkgStatusParser() {
    }

    static List<DpkgStanza> parse(InputStream in, String path, WarningSink warnings) throws IOException {
        LineReader reader = new LineReader(in, MAX_LINE);
        List<DpkgStanza> out = new ArrayList<>();
        DpkgStanza.Builder builder = new DpkgStanza.Builder();
        boolean broken = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                if (!builder.isEmpty() && !broken) {
                    out.add(builder.build());
                } else {
                    builder.build();
                }
                broken = false;
                if (out.size() > MAX_STANZAS) {
                    warnings.warn("dpkg.too-many-stanzas", path + ": more than " + MAX_STANZAS + " stanzas; rest skipped");
                    return out;
                }
                continue;
            }
            if (!broken && !builder.line(line, reader.lineNumber())) {
                warnings.warn("dpkg.malformed-line", path + ": line " + reader.lineNumber()
                        + " is not a field; stanza skipped");
                broken = true;
            }
        }
        if (!builder.isEmpty() && !broken) {
            out.add(builder.build());
        }
        return out;
    }
}
