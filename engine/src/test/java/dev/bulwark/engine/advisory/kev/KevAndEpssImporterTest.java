package dev.bulwark.engine.advisory.kev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.advisory.epss.EpssImporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KEV and EPSS in their published layouts (field names and header lines as CISA and FIRST publish them). */
class KevAndEpssImporterTest {
    private static final String KEV = """
            {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2024.10.01",
             "dateReleased": "2024-10-01T17:00:36.4431Z", "count": 3, "vulnerabilities": [
              {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2",
               "vulnerabilityName": "Apache Log4j2 Remote Code Execution Vulnerability", "dateAdded": "2021-12-10",
               "shortDescription": "Apache Log4j2 contains a vulnerability where JNDI features do not protect.",
               "requiredAction": "Apply updates per vendor instructions.", "dueDate": "2021-12-24",
               "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": ["CWE-20", "CWE-400", "CWE-502"]},
              {"cveID": "not-a-cve", "dateAdded": "2021-12-10"},
              {"cveID": "CVE-2022-22965", "vendorProject": "VMware", "product": "Spring Framework",
               "dateAdded": "2022-04-04", "dueDate": "2022-04-25", "knownRansomwareCampaignUse": "Unknown"}]}
            """;

    @Test
    void readsKevEntriesAndSkipsBadOnes(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("known_exploited_vulnerabilities.json");
        Files.writeString(f, KEV);
        RecordingSink sink = new RecordingSink();
        KevImporter.importFile(f, sink);
        assertEquals(2, sink.kev.size());
        assertEquals(LocalDate.of(2021, 12, 24), sink.kev.get(0).dueDate());
        assertEquals("Known", sink.kev.get(0).knownRansomwareUse());
        assertEquals(Map.of("kev.invalid-entry", 1), sink.warnings);
    }

    @Test
    void readsGzippedEpssWithItsModelLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("epss_scores-2024-10-01.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(("#model_version:v2023.03.01,score_date:2024-10-01T00:00:00+0000\ncve,epss,percentile\n"
                    + "CVE-2021-44228,0.97565,0.99995\nCVE-2022-22965,0.97462,0.99968\nCVE-2020-0001,1.5,0.2\n"
                    + "CVE-2020-0002,abc,0.1\n").getBytes());
        }
        RecordingSink sink = new RecordingSink();
        EpssImporter.importFile(f, sink);
        assertEquals("v2023.03.01|2024-10-01T00:00:00+0000", sink.epssModel);
        assertEquals(2, sink.epss.size());
        assertEquals(0.97565, sink.epss.get(0).epss());
        assertEquals(Map.of("epss.bad-row", 2), sink.warnings);
    }

    @Test
    void cutGzipAndEndlessLineAreCounted(@TempDir Path tmp) throws IOException {
        Path gz = tmp.resolve("cut.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("cve,epss,percentile\n".getBytes());
            for (int i = 0; i < 20_000; i++) {
                out.write(("CVE-2020-" + (10000 + i) + ",0.1,0.2\n").getBytes());
            }
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        RecordingSink sink = new RecordingSink();
        EpssImporter.importFile(gz, sink);
        assertEquals(1, sink.warnings.get("epss.truncated"));
        assertTrue(sink.epss.size() > 0 && sink.epss.size() < 20_000);

        Path endless = tmp.resolve("endless.csv");
        Files.write(endless, ("cve,epss,percentile\n" + "9".repeat(5 << 20)).getBytes());
        RecordingSink endlessSink = new RecordingSink();
        EpssImporter.importFile(endless, endlessSink);
        assertEquals(Map.of("epss.malformed", 1), endlessSink.warnings);
    }
}
