package dev.bulwark.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.advisory.debian.TrackerFixtures;
import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.ecosystem.VersionSchemes;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy benchmark for Debian: the debootstrapped Debian 12 rootfs against a database in the Security
 * Tracker's format holding every CVE fix Debian's changelogs record (../shared/data/debian-bookworm). Expected:
 * exactly the pending fixes, decided independently by {@code dpkg-query} on the rootfs and
 * {@code dpkg --compare-versions}. Writes precision and recall to target/accuracy/debian.txt.
 */
@Tag("system")
class DebianAccuracyTest {

    @Test
    void findsEveryPendingFixAndNothingElse(@TempDir Path tmp) throws IOException {
        Path rootfs = Fixtures.debian().rootfs();
        Path data = Fixtures.sharedData().resolve("debian-bookworm");
        Path tracker = tmp.resolve("tracker.json");
        int entries = TrackerFixtures.writeBookworm(data, tracker);
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        Importers.importPath(tracker, builder);
        Path dbFile = tmp.resolve("advisories.db");
        builder.writeAtomically(dbFile);

        Inventory inventory = new DirectoryScanner(Catalogers.all()).scan(rootfs);
        MatchResult result;
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dbFile)) {
            result = new VulnerabilityMatcher(AdvisoryLookup.of(db), VersionSchemes::forEcosystem).match(inventory);
        }

        Set<String> expected = expectedPending(rootfs, data);
        Set<String> actual = result.findings().stream()
                .map(f -> f.evidence().queriedName() + " " + f.vulnerabilityId())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> truePositives = new TreeSet<>(actual);
        truePositives.retainAll(expected);
        double precision = actual.isEmpty() ? 1 : (double) truePositives.size() / actual.size();
        double recall = expected.isEmpty() ? 1 : (double) truePositives.size() / expected.size();
        Path report = Path.of("target/accuracy/debian.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "tracker entries: " + entries + "\nexpected (source, CVE): " + expected.size()
                + "\nreported (source, CVE): " + actual.size() + "\nfindings (per binary package): "
                + result.findings().size() + "\nprecision: " + precision + "\nrecall: " + recall + "\n");

        assertFalse(expected.isEmpty(), "the data should name pending fixes for this rootfs");
        assertEquals(expected, actual);
        for (VulnerabilityFinding f : result.findings()) {
            assertEquals(VulnerabilityFinding.FixStatus.FIXED, f.fixStatus(), f.vulnerabilityId());
            assertEquals(1, f.fixedVersions().size(), f.vulnerabilityId());
            assertTrue(f.evidence().comparison().contains(" < " + f.fixedVersions().get(0) + " (dpkg)"),
                    f.evidence().comparison());
            assertEquals(Severity.UNKNOWN, f.severity(), "the tracker data says 'not yet assigned'");
            assertEquals("Debian:12", f.evidence().ecosystem());
        }
    }

    /** (source, CVE) pairs whose fixed version is above the installed source version, by dpkg itself. */
    private static Set<String> expectedPending(Path rootfs, Path data) throws IOException {
        String installed = Tools.run(60, "dpkg-query", "--admindir", rootfs.resolve("var/lib/dpkg").toString(), "-W",
                "-f", "${Package}\\t${source:Package}\\t${source:Version}\\n");
        Map<String, String> sourceVersion = new HashMap<>();
        for (String line : installed.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                sourceVersion.put(f[1], f[2]);
            }
        }
        List<String[]> pending = TrackerFixturesRows.pending(data);
        StringBuilder pairs = new StringBuilder();
        List<String> keys = new java.util.ArrayList<>();
        for (String[] row : pending) {
            String have = sourceVersion.get(row[1]);
            if (have != null) {
                pairs.append(have).append(' ').append(row[3]).append('\n');
                keys.add(row[1] + " " + row[4]);
            }
        }
        Path input = Files.createTempFile("pairs", ".txt");
        try {
            Files.writeString(input, pairs);
            String out = Tools.run(120, "sh", "-c", "while read a b; do if dpkg --compare-versions \"$a\" lt \"$b\";"
                    + " then echo 1; else echo 0; fi; done < " + input);
            String[] verdicts = out.split("\n");
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if ("1".equals(verdicts[i].strip())) {
                    expected.add(keys.get(i));
                }
            }
            return expected;
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
