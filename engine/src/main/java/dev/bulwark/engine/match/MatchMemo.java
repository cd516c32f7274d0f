package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.finding.VulnerabilityFinding.CvssScore;
import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What matches against one open database decoded, parsed and worked out from it, kept for the next match: a
 * long-running scanner (a re-evaluation loop, an admission webhook) matches many inventories against the same file.
 * Every value is immutable and a function of its key and the file, so the memo is shared by concurrent matches. Its
 * size is bounded by the database's content (package keys, advisories, the versions they name); installed versions,
 * which come from inventories, are not kept here.
 */
final class MatchMemo {
    /** No table grows past this many entries; beyond it, results are worked out per match again. */
    static final int MAX_ENTRIES = 1 << 20;

    final Map<String, Optional<Advisory>> advisories = new ConcurrentHashMap<>();
    final Map<String, Optional<KevEntry>> kev = new ConcurrentHashMap<>();
    final Map<String, Optional<EpssScore>> epss = new ConcurrentHashMap<>();
    final Map<String, List<CvssScore>> scores = new ConcurrentHashMap<>();
    final Map<List<String>, AdvisoryFacts> facts = new ConcurrentHashMap<>();
    final Map<MatchCache.SchemeKey, ParsedEntries> entries = new ConcurrentHashMap<>();
    /** Versions the advisories name, parsed, by scheme. */
    final Map<VersionScheme, Map<String, Optional<Version>>> advisoryVersions = new ConcurrentHashMap<>();
}
