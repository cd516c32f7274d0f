package dev.bulwark.report;

import dev.bulwark.engine.finding.Assessment;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one assessment (an inventory and its findings) in one format. Implementations stream UTF-8 to the given stream (they never close it), write
 * the same bytes for the same assessment and {@link ReportContext}, and never let a hostile string from the image
 * break the document's syntax. Adding a format = one implementation + one line in {@link ReportWriters#standard}.
 */
public interface ReportWriter {
    /** The name users pass to pick this format, e.g. {@code cyclonedx}. */
    String format();

    /** Writes the whole document; an IOException only means the stream itself failed. */
    void write(Assessment assessment, OutputStream out) throws IOException;
}
