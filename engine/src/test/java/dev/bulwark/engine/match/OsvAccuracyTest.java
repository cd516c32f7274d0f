package dev.bulwark.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.ecosystem.VersionSchemes;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.match.OsvOracle.Installed;
import dev.bulwark.engine.match.RealArtifacts.Artifacts;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy benchmark for language ecosystems: the Maven, npm, PyPI, Go and crates.io advisories of
 * ../shared/data/osv, imported through Bulwark's OSV importer, against real artifacts (jars from Maven Central, an
 * {@code npm install}, Debian's Python packages, Debian's Go programs and go.mod files, a real Cargo.lock) scanned by
 * Bulwark's catalogers. Expected: the (package@version, advisory) pairs decided by {@link OsvOracle}, which applies
 * the OSV rules with each ecosystem's real version implementation to the packages each ecosystem's own tool lists.
 * Writes precision and recall per ecosystem to target/accuracy/osv.txt.
 */
@Tag("system")
class OsvAccuracyTest {
    private static final Map<String, String> RESULTS = new TreeMap<>();
    private static final List<String> DIRS = List.of("maven", "npm", "pypi", "go", "crates.io");
    private static AdvisoryDatabase db;
    private static List<JsonNode> documents;

    @BeforeAll
    static void importAdvisories(@TempDir Path tmp) throws IOException {
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        for (String dir : DIRS) {
            Importers.importPath(osv(dir), builder);
        }
        documents = OsvOracle.load(DIRS.stream().map(OsvAccuracyTest::osv).toList());
        Path file = tmp.resolve("advisories.db");
        builder.writeAtomically(file);
        db = AdvisoryDatabase.open(file);
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (db != null) {
            db.close();
        }
        Path report = Path.of("target/accuracy/osv.txt");
        Files.createDirectories(report.getParent());
        StringBuilder out = new StringBuilder("OSV advisory files imported: "
                + (documents == null ? 0 : documents.size()) + " (" + String.join(", ", DIRS) + ")\n");
        RESULTS.values().forEach(out::append);
        Files.writeString(report, out);
    }

    @Test
    void maven() throws IOException {
        // two jars (dom4j 2.1.1, xercesImpl 2.12.0) carry no groupId anywhere: their advisories are out of reach
        measure("Maven", "maven", RealArtifacts.maven(), ReferenceOrder::maven, n -> n, v -> v, 0.9);
    }

    @Test
    void npm() throws IOException {
        measure("npm", "npm", RealArtifacts.npm(), ReferenceOrder::nodeSemver, n -> n, v -> v, 1);
    }

    @Test
    void pypi() {
        measure("PyPI", "pypi", RealArtifacts.pypi(), ReferenceOrder::pep440,
                n -> n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"), v -> v, 1);
    }

    /** Go versions are SemVer with a {@code v}; node-semver orders them once the {@code v} is removed. */
    @Test
    void go(@TempDir Path tmp) throws IOException {
        measure("Go", "golang", RealArtifacts.go(tmp), ReferenceOrder::nodeSemver, n -> n,
                OsvAccuracyTest::withoutV, 1);
    }

    /** Cargo versions are SemVer; node-semver orders them. */
    @Test
    void cratesIo(@TempDir Path tmp) throws IOException {
        measure("crates.io", "cargo", RealArtifacts.crates(tmp), ReferenceOrder::nodeSemver, n -> n, v -> v, 1);
    }

    /**
     * Compares Bulwark's (package@version, advisory) pairs with the oracle's. Matching must agree exactly for every
     * package the catalogers identified (same name and version as the ecosystem's tool lists); a package the
     * catalogers could not identify (a jar with no Maven coordinates) costs recall, which is reported and must stay
     * at or above {@code minRecall}.
     */
    private static void measure(String ecosystem, String packageType, Artifacts artifacts,
            Function<Collection<String>, ReferenceOrder> orderOf, UnaryOperator<String> normalizeName,
            UnaryOperator<String> asOrdered, double minRecall) {
        Inventory inventory = new DirectoryScanner(Catalogers.all()).scan(artifacts.root());
        MatchResult result = new VulnerabilityMatcher(AdvisoryLookup.of(db), VersionSchemes::forEcosystem)
                .match(inventory);
        Set<String> actual = new TreeSet<>();
        for (VulnerabilityFinding f : result.findings()) {
            if (f.pkg().type().equals(packageType)) {
                for (String id : f.evidence().advisoryIds()) {
                    actual.add(f.evidence().queriedName() + "@" + asOrdered.apply(f.pkg().version()) + " " + id);
                }
            }
        }
        Set<String> identified = new TreeSet<>();
        inventory.packages().stream().filter(p -> p.type().equals(packageType))
                .forEach(p -> identified.add(normalizeName.apply(p.name()) + "@" + asOrdered.apply(p.version())));

        OsvOracle oracle = new OsvOracle(documents, ecosystem, normalizeName);
        List<Installed> installed = artifacts.installed().stream()
                .map(i -> new Installed(i.name(), asOrdered.apply(i.version()))).distinct().toList();
        ReferenceOrder order = orderOf.apply(oracle.versionsToOrder(installed, asOrdered));
        Set<String> expected = oracle.expected(installed, order, asOrdered);
        Set<String> matchable = new TreeSet<>();
        Set<String> unidentified = new TreeSet<>();
        for (String pair : expected) {
            String pkg = pair.substring(0, pair.indexOf(' '));
            (identified.contains(pkg) ? matchable : unidentified).add(pair);
        }

        Set<String> truePositives = new TreeSet<>(actual);
        truePositives.retainAll(expected);
        Set<String> falsePositives = new TreeSet<>(actual);
        falsePositives.removeAll(expected);
        Set<String> missed = new TreeSet<>(matchable);
        missed.removeAll(actual);
        double precision = actual.isEmpty() ? 1 : (double) truePositives.size() / actual.size();
        double recall = expected.isEmpty() ? 1 : (double) truePositives.size() / expected.size();
        double matchingRecall = matchable.isEmpty() ? 1 : (double) truePositives.size() / matchable.size();
        Set<String> notIdentified = new TreeSet<>();
        installed.stream().map(Installed::key).filter(k -> !identified.contains(k)).forEach(notIdentified::add);
        RESULTS.put(ecosystem, String.format(Locale.ROOT, "%n[%s] versions ordered by %s%nartifacts: %s%n"
                + "packages listed by the ecosystem's tool: %d; of them not identified by Bulwark's catalogers: %s%n"
                + "expected (package@version, advisory): %d (on unidentified packages: %d)%nreported: %d%n"
                + "true positives: %d%nprecision: %.4f%nrecall: %.4f (matching alone: %.4f)%n"
                + "false positives: %s%nmissed by matching: %s%nmissed for want of identification: %s%n"
                + "undecidable by the oracle: %s%n",
                ecosystem, order.implementation, artifacts.described(), installed.size(), notIdentified,
                expected.size(), unidentified.size(), actual.size(), truePositives.size(), precision, recall,
                matchingRecall, falsePositives, missed, unidentified, oracle.undecidable()));

        assertFalse(matchable.isEmpty(), ecosystem + ": the artifacts should have advisories in the data");
        assertEquals(matchable, actual, ecosystem + ": false positives " + falsePositives + "; missed " + missed);
        assertTrue(recall >= minRecall, ecosystem + ": recall " + recall + " below " + minRecall
                + "; packages not identified: " + notIdentified);
    }

    private static String withoutV(String v) {
        return v.startsWith("v") ? v.substring(1) : v;
    }

    private static Path osv(String dir) {
        return Fixtures.sharedData().resolve("osv").resolve(dir);
    }
}
