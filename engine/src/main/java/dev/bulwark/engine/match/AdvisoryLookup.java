package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import java.util.List;
import java.util.Optional;

/** What matching reads from the advisory data: affected entries by package, advisories by id, KEV and EPSS by CVE. */
public interface AdvisoryLookup {
    List<AffectedEntry> affected(PackageKey key);

    /**
     * The advisory with this id, as a finding shows it: an implementation may leave out its {@code details} (null)
     * and {@code affected} packages (empty), which matching reads through {@link #affected} instead.
     */
    Optional<Advisory> advisory(String id);

    Optional<KevEntry> kev(String cveId);

    Optional<EpssScore> epss(String cveId);

    /**
     * The lookup over an opened database file; advisories come without details and affected packages. What matching
     * decodes and parses from the file is kept with the open database and reused by every later match against it.
     */
    static AdvisoryLookup of(AdvisoryDatabase db) {
        return new DatabaseLookup(db, true);
    }

    /**
     * The lookup over an opened database file that keeps nothing between matches: each match decodes and parses what
     * it reads afresh (the first match's cost every time, no memory held after it).
     */
    static AdvisoryLookup unmemoized(AdvisoryDatabase db) {
        return new DatabaseLookup(db, false);
    }
}
