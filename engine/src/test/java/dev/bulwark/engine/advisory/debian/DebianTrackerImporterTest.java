package dev.bulwark.engine.advisory.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.advisory.Resources;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianTrackerImporterTest {

    private static Affected release(RecordingSink sink, String id, String ecosystem) {
        return sink.advisories.stream().filter(a -> a.id().equals(id)).flatMap(a -> a.affected().stream())
                .filter(x -> x.key().ecosystem().equals(ecosystem)).findFirst().orElseThrow(() ->
                        new AssertionError(id + " has no " + ecosystem));
    }

    @Test
    void mapsEveryStatusAndKeysBySourceAndReleaseNumber() {
        RecordingSink sink = new RecordingSink();
        DebianTrackerImporter.importFile(Resources.advisory("debian-tracker-sample.json"), sink);
        Affected openssl = release(sink, "DEBIAN-CVE-2026-35189", "Debian:12");
        assertEquals(new PackageKey("Debian:12", "openssl"), openssl.key());
        assertEquals(FixState.FIXED, openssl.fixState());
        assertEquals("3.0.22-1~deb12u2", openssl.ranges().get(0).events().get(1).version());
        assertEquals(EventKind.FIXED, openssl.ranges().get(0).events().get(1).kind());
        assertEquals("not yet assigned", openssl.distroSeverity());
        assertEquals(FixState.POSTPONED, release(sink, "DEBIAN-CVE-2026-42767", "Debian:11").fixState());
        assertEquals("medium", release(sink, "DEBIAN-CVE-2026-42767", "Debian:11").distroSeverity());
        assertEquals(FixState.WONT_FIX, release(sink, "DEBIAN-CVE-2025-15649", "Debian:10").fixState());
        assertEquals(FixState.NOT_AFFECTED, release(sink, "DEBIAN-CVE-2025-15649", "Debian:13").fixState());
        assertEquals(FixState.END_OF_LIFE, release(sink, "DEBIAN-CVE-2019-12900", "Debian:9").fixState());
        assertEquals(FixState.NO_DSA, release(sink, "DEBIAN-CVE-2026-103111", "Debian:12").fixState());
        assertEquals(FixState.UNDETERMINED, release(sink, "DEBIAN-CVE-2026-103111", "Debian:11").fixState());
        assertEquals(FixState.UNFIXED, release(sink, "DEBIAN-TEMP-0000000-A1B2C3", "Debian:12").fixState());
        Advisory a = sink.advisories.stream().filter(x -> x.id().equals("DEBIAN-CVE-2026-42767")).findFirst()
                .orElseThrow();
        assertEquals(java.util.List.of("CVE-2026-42767"), a.aliases());
        assertTrue(a.references().stream().anyMatch(r -> r.url().equals("https://bugs.debian.org/1099999")));
        // sid has no number and is skipped silently; "hamm" is not a known codename and is counted
        assertEquals(Map.of("debian.unknown-release", 1), sink.warnings);
        assertTrue(sink.advisories.stream().flatMap(x -> x.affected().stream())
                .noneMatch(x -> x.key().ecosystem().contains("sid")));
    }

    /** The generated bookworm tracker holds every pending fix at its fixed version, as the TSV says (via awk). */
    @Test
    void generatedBookwormTrackerHoldsEveryPendingFix(@TempDir Path tmp) {
        Path data = Fixtures.sharedData().resolve("debian-bookworm");
        Path out = tmp.resolve("tracker.json");
        int written = TrackerFixtures.writeBookworm(data, out);
        RecordingSink sink = new RecordingSink();
        DebianTrackerImporter.importFile(out, sink);
        assertEquals(Map.of(), sink.warnings);
        assertEquals(written, sink.advisories.size());
        Set<String> expected = new TreeSet<>(Tools.run(30, "awk", "-F\t", "NR > 1 { print $2 \" \" $5 \" \" $4 }",
                data.resolve("pending_security_fixes.tsv").toString()).lines().toList());
        Set<String> actual = sink.advisories.stream().flatMap(a -> a.affected().stream()
                .map(x -> x.key().name() + " " + a.aliases().get(0) + " " + x.ranges().get(0).events().get(1)
                        .version())).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(actual.containsAll(expected), () -> "missing " + expected.stream()
                .filter(e -> !actual.contains(e)).toList());
        String distinctChangelogPairs = Tools.run(30, "bash", "-c", "cat '" + data.resolve(
                "changelog_cve_fixed_versions.tsv") + "' <(tail -n +2 '" + data.resolve("pending_security_fixes.tsv")
                + "' | awk -F'\\t' '{print $2 \"\\t\\t\\t\\t\" $5}') | tail -n +2 | cut -f1,5 | sort -u | wc -l");
        assertEquals(Integer.parseInt(distinctChangelogPairs.strip()), written);
    }

    @Test
    void cutOffOrMistypedTrackerKeepsWhatWasReadAndCounts(@TempDir Path tmp) throws IOException {
        byte[] full = Files.readAllBytes(Resources.advisory("debian-tracker-sample.json"));
        Path cut = tmp.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length * 3 / 4));
        RecordingSink sink = new RecordingSink();
        DebianTrackerImporter.importFile(cut, sink);
        assertEquals(1, sink.warnings.get("debian.malformed"));
        assertTrue(sink.advisories.stream().anyMatch(a -> a.id().equals("DEBIAN-CVE-2026-35189")));

        Path typed = tmp.resolve("typed.json");
        Files.writeString(typed, "{\"a\": [1], \"b\": {\"CVE-2020-0001\": {\"releases\": {\"bookworm\": "
                + "{\"status\": 7}}}, \"not-a-cve\": {\"releases\": {}}, \"CVE-2020-0002\": {\"releases\": "
                + "{\"bookworm\": {\"status\": \"fixed-ish\"}}}}}");
        RecordingSink typedSink = new RecordingSink();
        DebianTrackerImporter.importFile(typed, typedSink);
        assertEquals(Map.of("debian.wrong-type", 1, "debian.invalid-release", 2, "debian.invalid-id", 1),
                typedSink.warnings);
    }
}
