package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import java.util.List;
import java.util.Optional;

/**
 * {@link AdvisoryLookup#of}: an open database, with the matcher's memo of what it parsed from it; or, from
 * {@link AdvisoryLookup#unmemoized}, without one.
 */
final class DatabaseLookup implements AdvisoryLookup {
    private final AdvisoryDatabase db;
    private final boolean memoized;

    DatabaseLookup(AdvisoryDatabase db, boolean memoized) {
        this.db = db;
        this.memoized = memoized;
    }

    /** What earlier matches against this open database decoded and parsed; null for an unmemoized lookup. */
    MatchMemo memo() {
        return memoized ? db.memo(MatchMemo.class, MatchMemo::new) : null;
    }

    @Override
    public List<AffectedEntry> affected(PackageKey key) {
        return db.affected(key);
    }

    @Override
    public Optional<Advisory> advisory(String id) {
        return db.advisoryForMatching(id);
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        return db.kev(cveId);
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        return db.epss(cveId);
    }
}
