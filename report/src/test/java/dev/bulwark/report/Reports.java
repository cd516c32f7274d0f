package dev.bulwark.report;

import dev.bulwark.engine.inventory.Inventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test helpers: a reproducible context and writing a report to a string. */
final class Reports {
    private Reports() {
    }

    /** A fixed clock and a counting UUID supplier, so every run writes the same bytes. */
    static ReportContext fixedContext() {
        AtomicLong next = new AtomicLong(1);
        return new ReportContext(Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC),
                () -> new UUID(0x0123456789abcdefL, next.getAndIncrement()), "0.1.0-test");
    }

    static String write(String format, Inventory inventory) {
        return write(ReportWriters.standard(fixedContext()).require(format), inventory);
    }

    static String write(ReportWriter writer, Inventory inventory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(dev.bulwark.engine.finding.Assessment.inventoryOnly(inventory), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String write(String format, dev.bulwark.engine.finding.Assessment assessment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportWriters.standard(fixedContext()).require(format).write(assessment, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
