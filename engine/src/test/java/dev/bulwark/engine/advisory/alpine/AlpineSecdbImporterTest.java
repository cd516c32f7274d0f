package dev.bulwark.engine.advisory.alpine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.advisory.Resources;
import dev.bulwark.engine.advisory.osv.OsvImporter;
import dev.bulwark.engine.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlpineSecdbImporterTest {
    @Test
    void agreesWithOsvsAlpineRecordsOfTheSameFixes() {
        RecordingSink secdb = new RecordingSink();
        AlpineSecdbImporter.importFile(Resources.advisory("alpine-v3.12-main.json"), secdb);
        assertEquals(Map.of("alpine.wrong-type", 1, "alpine.invalid-id", 1), secdb.warnings, secdb.messages::toString);
        RecordingSink osv = new RecordingSink();
        OsvImporter.importFile(Fixtures.sharedData().resolve("osv/distro-samples/CVE-2022-27449.json"), osv);
        OsvImporter.importFile(Fixtures.sharedData().resolve("osv/distro-samples/CVE-2012-2812.json"), osv);
        for (String cve : new String[] {"CVE-2022-27449", "CVE-2012-2812"}) {
            Advisory fromSecdb = secdb.advisories.stream().filter(a -> a.id().equals("ALPINE-" + cve)).findFirst()
                    .orElseThrow();
            var fromOsv = osv.advisories.stream().filter(a -> a.id().equals(cve)).findFirst().orElseThrow()
                    .affected().stream().filter(x -> x.key().ecosystem().equals("Alpine:v3.12")).findFirst()
                    .orElseThrow();
            assertEquals(fromOsv.key(), fromSecdb.affected().get(0).key());
            assertEquals(fromOsv.ranges(), fromSecdb.affected().get(0).ranges());
            assertEquals(FixState.FIXED, fromSecdb.affected().get(0).fixState());
        }
        Advisory never = secdb.advisories.stream().filter(a -> a.id().equals("ALPINE-CVE-2012-2813")).findFirst()
                .orElseThrow();
        assertEquals(FixState.NOT_AFFECTED, never.affected().get(0).fixState());
        assertEquals(new PackageKey("Alpine:v3.12", "libexif"), never.affected().get(0).key());
        // "CVE-2012-2812 CVE-2012-2836" in one secfixes entry is two advisories
        assertEquals(1, secdb.advisories.stream().filter(a -> a.id().equals("ALPINE-CVE-2012-2836")).count());
        // a note in parentheses after the id is not an id
        assertEquals(1, secdb.advisories.stream().filter(a -> a.id().equals("ALPINE-CVE-2020-0001")).count());
    }
}
