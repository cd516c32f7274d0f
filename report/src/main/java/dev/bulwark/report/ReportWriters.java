package dev.bulwark.report;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.report.cyclonedx.CycloneDxWriter;
import dev.bulwark.report.json.BulwarkJsonWriter;
import dev.bulwark.report.spdx.SpdxJsonWriter;
import dev.bulwark.report.sarif.SarifWriter;
import dev.bulwark.report.junit.JunitWriter;
import dev.bulwark.report.html.HtmlWriter;
import dev.bulwark.report.table.TableWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The report formats Bulwark offers, as an explicit list looked up by name (no service loading, no reflection). */
public final class ReportWriters {
    private final List<ReportWriter> writers;

    public ReportWriters(List<ReportWriter> writers) {
        this.writers = List.copyOf(writers);
        Set<String> seen = new HashSet<>();
        for (ReportWriter writer : this.writers) {
            if (!seen.add(writer.format())) {
                throw new IllegalArgumentException("two report writers are named " + writer.format());
            }
        }
    }

    /** Every built-in format: {@code table}, {@code json}, {@code cyclonedx}, {@code spdx-json}, {@code sarif}, {@code junit}, {@code html}. */
    public static ReportWriters standard(ReportContext context) {
        return new ReportWriters(List.of(
                new TableWriter(),
                new BulwarkJsonWriter(context),
                new CycloneDxWriter(context),
                new SpdxJsonWriter(context),
                new SarifWriter(context),
                new JunitWriter(context),
                new HtmlWriter(context)));
    }

    /** The format names, in the order they are offered. */
    public List<String> formats() {
        return writers.stream().map(ReportWriter::format).toList();
    }

    public Optional<ReportWriter> find(String format) {
        return writers.stream().filter(w -> w.format().equals(format)).findFirst();
    }

    /** The writer for {@code format}, or a USAGE error naming the formats there are. */
    public ReportWriter require(String format) {
        return find(format).orElseThrow(() -> new BulwarkException(ErrorKind.USAGE, "unknown report format '"
                + ReportText.oneLine(format, 40) + "'; use one of: " + String.join(", ", formats())));
    }
}
