package dev.bulwark.engine.advisory.osv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All of ../shared/data/osv, read as a directory and as zips, checked against what jq reads from the same files. */
class OsvRealDataTest {
    static Path osvData() {
        return Fixtures.sharedData().resolve("osv");
    }

    /** Every record's id as jq sees it: the expected result comes from a real tool, not from this importer. */
    static Set<String> idsByJq(Path dir) {
        String out = Tools.run(120, "bash", "-c", "find '" + dir + "' -name '*.json' -print0 | xargs -0 jq -r .id");
        return new TreeSet<>(List.of(out.strip().split("\n")));
    }

    /** Alias, related and upstream entries that are not ids (URLs, trailing commas), counted by jq. */
    static int badIdsByJq(Path dir) {
        String out = Tools.run(120, "bash", "-c", "find '" + dir + "' -name '*.json' -print0 | xargs -0 jq -r "
                + "'[(.aliases // []), (.related // []), (.upstream // [])] | add | .[] "
                + "| select(test(\"^[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}$\") | not)' | wc -l");
        return Integer.parseInt(out.strip());
    }

    @Test
    void directoryImportReadsEveryRecord() {
        RecordingSink sink = new RecordingSink();
        OsvImporter.importDirectory(osvData(), sink);
        Set<String> ids = sink.advisories.stream().map(Advisory::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = idsByJq(osvData());
        assertEquals(expected.size(), ids.size(), () -> "missing: " + difference(expected, ids) + ", extra: "
                + difference(ids, expected) + "; warnings " + sink.messages);
        assertEquals(expected, ids);
        // the only problems in the real data are alias entries that are not ids; each is counted, none is fatal
        assertEquals(Set.of("osv.invalid-alias"), sink.warnings.keySet(), () -> sink.messages.toString());
        assertEquals(badIdsByJq(osvData()), sink.warnings.get("osv.invalid-alias"));
        String withdrawn = Tools.run(120, "bash", "-c", "find '" + osvData()
                + "' -name '*.json' -print0 | xargs -0 jq -r 'select(.withdrawn != null) | .id' | wc -l");
        assertEquals(Long.parseLong(withdrawn.strip()), sink.advisories.stream().filter(Advisory::isWithdrawn)
                .count());
    }

    @Test
    void zipImportPerEcosystemEqualsDirectoryImport(@TempDir Path tmp) throws IOException {
        RecordingSink fromDirs = new RecordingSink();
        RecordingSink fromZips = new RecordingSink();
        try (Stream<Path> ecosystems = Files.list(osvData())) {
            for (Path eco : ecosystems.filter(Files::isDirectory).sorted().toList()) {
                Path zip = tmp.resolve(eco.getFileName() + "-all.zip");
                zipFlat(eco, zip);
                OsvImporter.importZip(zip, fromZips);
                OsvImporter.importDirectory(eco, fromDirs);
            }
        }
        assertEquals(fromDirs.warnings, fromZips.warnings, () -> fromZips.messages.toString());
        assertEquals(fromDirs.advisories.size(), fromZips.advisories.size());
        assertEquals(new TreeSet<>(fromDirs.advisories.stream().map(Advisory::toString).toList()),
                new TreeSet<>(fromZips.advisories.stream().map(Advisory::toString).toList()));
        assertTrue(fromZips.advisories.size() > 8000, "expected the ~8,400 shared advisories");
    }

    @Test
    void readsRangesSeveritiesAndDistroUrgencyAsWritten() {
        RecordingSink sink = new RecordingSink();
        OsvImporter.importFile(osvData().resolve("distro-samples/CVE-2024-1013.json"), sink);
        Advisory a = sink.only();
        assertEquals("Debian:10", a.affected().get(0).key().ecosystem());
        assertEquals("unixodbc", a.affected().get(0).key().name());
        assertEquals("unimportant", a.affected().get(0).distroSeverity());
        String jq = Tools.run(30, "jq", "-c", "[.affected[0].ranges[0].events[] | to_entries[0].value]",
                osvData().resolve("distro-samples/CVE-2024-1013.json").toString()).strip();
        assertEquals(jq, "[" + a.affected().get(0).ranges().get(0).events().stream()
                .map(e -> "\"" + e.version() + "\"").collect(Collectors.joining(",")) + "]");
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** Writes the JSON files of {@code dir} at the root of a zip, as OSV's all.zip is laid out. */
    static void zipFlat(Path dir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }
}
