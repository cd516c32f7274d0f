package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.report.table.TableWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWritersTest {
    @Test
    void offersEveryBuiltInFormat() {
        ReportWriters writers = ReportWriters.standard(Reports.fixedContext());
        assertEquals(List.of("table", "json", "cyclonedx", "spdx-json", "sarif", "junit", "html"), writers.formats());
        writers.formats().forEach(f -> assertEquals(f, writers.require(f).format()));
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheChoices() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> ReportWriters.standard(Reports.fixedContext()).require("xml\n\u001b[2J"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("table, json, cyclonedx, spdx-json"), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\u001b"), e.getMessage());
        assertTrue(ReportWriters.standard(Reports.fixedContext()).find("xml").isEmpty());
    }

    @Test
    void twoWritersCannotShareAName() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReportWriters(List.of(new TableWriter(), new TableWriter())));
    }

    @Test
    void theSystemContextGivesFreshIdsAndWholeSeconds() {
        ReportContext context = ReportContext.system();
        assertFalse(context.newUuid().equals(context.newUuid()));
        assertEquals(0, context.now().getNano());
        String a = Reports.write(new dev.bulwark.report.cyclonedx.CycloneDxWriter(context), FixtureInventory.load());
        String b = Reports.write(new dev.bulwark.report.cyclonedx.CycloneDxWriter(context), FixtureInventory.load());
        assertFalse(a.equals(b), "two BOMs must not share a serial number");
    }
}
