package dev.bulwark.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.advisory.debian.TrackerFixtures;
import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.ecosystem.VersionSchemes;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matches against one open database share what earlier matches parsed from it ({@link MatchMemo}); that must never
 * change a result. The Debian rootfs and the same packages at source version 0 (inside every tracker range, so many
 * more keys and advisories are read) are matched one after the other on one open database, and each result must
 * equal what an unmemoized lookup gives on a database opened afresh.
 */
@Tag("system")
class MatchMemoTest {

    @Test
    void aWarmMemoGivesTheSameFindingsAsNone(@TempDir Path tmp) throws IOException {
        Path tracker = tmp.resolve("tracker.json");
        TrackerFixtures.writeBookworm(Fixtures.sharedData().resolve("debian-bookworm"), tracker);
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        Importers.importPath(tracker, builder);
        Path dbFile = tmp.resolve("advisories.db");
        builder.writeAtomically(dbFile);

        Inventory installed = new DirectoryScanner(Catalogers.all()).scan(Fixtures.debian().rootfs());
        List<Package> old = installed.packages().stream().map(p -> p.type().equals("deb")
                ? new Package(p.type(), p.name(), "0", p.architecture(), p.sourceName() == null ? p.name()
                        : p.sourceName(), "0", p.licenses(), p.foundBy(), p.location(), p.layer(), p.purl())
                : p).toList();
        Inventory oldVersions = new Inventory(installed.target(), installed.distro(), installed.layers(), old,
                List.of());

        try (AdvisoryDatabase shared = AdvisoryDatabase.open(dbFile)) {
            MatchResult first = match(AdvisoryLookup.of(shared), installed);
            MatchMemo memo = ((DatabaseLookup) AdvisoryLookup.of(shared)).memo();
            assertSame(memo, ((DatabaseLookup) AdvisoryLookup.of(shared)).memo(), "one memo per open database");
            assertFalse(memo.entries.isEmpty(), "the first match left its parsed entries with the database");
            int keysAfterFirst = memo.entries.size();
            MatchResult second = match(AdvisoryLookup.of(shared), oldVersions);
            MatchResult again = match(AdvisoryLookup.of(shared), installed);
            assertTrue(memo.entries.size() >= keysAfterFirst);

            try (AdvisoryDatabase fresh = AdvisoryDatabase.open(dbFile)) {
                AdvisoryLookup noMemo = AdvisoryLookup.unmemoized(fresh);
                MatchResult expectedInstalled = match(noMemo, installed);
                MatchResult expectedOld = match(noMemo, oldVersions);
                assertFalse(expectedInstalled.findings().isEmpty());
                assertTrue(expectedOld.findings().size() > expectedInstalled.findings().size(),
                        expectedOld.findings().size() + " findings at version 0");
                assertEquals(expectedInstalled.findings(), first.findings());
                assertEquals(expectedInstalled.findings(), again.findings());
                assertEquals(expectedOld.findings(), second.findings());
                assertEquals(expectedOld.warnings(), second.warnings());
            }
        }
    }

    private static MatchResult match(AdvisoryLookup lookup, Inventory inventory) {
        return new VulnerabilityMatcher(lookup, VersionSchemes::forEcosystem).match(inventory);
    }
}
