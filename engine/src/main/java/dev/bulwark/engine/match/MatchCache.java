package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.finding.VulnerabilityFinding.CvssScore;
import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The advisory data one match reads, each piece decoded, parsed or scored once: an inventory names the same package
 * keys, versions and advisories many times over (binaries of one source package, one library in several apps, one
 * advisory behind many packages), and the lookup decodes afresh on every call. Everything remembered is immutable and
 * a function of its key, so sharing it between the threads of one match cannot change a result.
 */
final class MatchCache implements AdvisoryLookup {
    private final AdvisoryLookup lookup;
    private final Map<String, Optional<Advisory>> advisories = new ConcurrentHashMap<>();
    private final Map<String, Optional<KevEntry>> kev = new ConcurrentHashMap<>();
    private final Map<String, Optional<EpssScore>> epss = new ConcurrentHashMap<>();
    private final Map<String, List<CvssScore>> scores = new ConcurrentHashMap<>();
    private final Map<List<String>, AdvisoryFacts> facts = new ConcurrentHashMap<>();
    private final Map<SchemeKey, ParsedEntries> entries = new ConcurrentHashMap<>();
    private final Map<VersionScheme, Map<String, Optional<Version>>> versions = new ConcurrentHashMap<>();

    private record SchemeKey(PackageKey key, VersionScheme scheme) {
    }

    MatchCache(AdvisoryLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public List<AffectedEntry> affected(PackageKey key) {
        return lookup.affected(key);
    }

    @Override
    public Optional<Advisory> advisory(String id) {
        return remember(advisories, id, lookup::advisory);
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        return remember(kev, cveId, lookup::kev);
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        return remember(epss, cveId, lookup::epss);
    }

    /** The entries naming {@code key} that can affect anything ({@code not_affected} ones left out), parsed. */
    ParsedEntries parsed(PackageKey key, VersionScheme scheme) {
        return remember(entries, new SchemeKey(key, scheme), k -> {
            Map<String, Optional<Version>> known = versionsOf(scheme);
            Function<String, Optional<Version>> parse = text -> remember(known, text, scheme::parse);
            List<ParsedEntry> out = new ArrayList<>();
            Map<String, Version> listed = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (AffectedEntry e : lookup.affected(key)) {
                if (e.fixState() != FixState.NOT_AFFECTED) {
                    out.add(ParsedEntry.of(e, parse));
                    for (String v : e.versions()) {
                        if (seen.add(v)) {
                            parse.apply(v).ifPresent(parsed -> listed.put(v, parsed));
                        }
                    }
                }
            }
            return new ParsedEntries(out, listed);
        });
    }

    /** The facts of a group of hits on these advisory ids (in hit order, repeats kept). */
    AdvisoryFacts facts(List<String> hitIds) {
        return remember(facts, List.copyOf(hitIds), ids -> AdvisoryFacts.of(ids, this));
    }

    /** {@code text} parsed by {@code scheme}. */
    Optional<Version> version(VersionScheme scheme, String text) {
        return remember(versionsOf(scheme), text, scheme::parse);
    }

    /** The CVSS scores of one advisory, in {@link SeverityResolver#scoresOf} order. */
    List<CvssScore> scores(Advisory advisory) {
        // ids are unique in the database, and an advisory is only ever read from it by id
        return remember(scores, advisory.id(), id -> SeverityResolver.scoresOf(advisory));
    }

    private Map<String, Optional<Version>> versionsOf(VersionScheme scheme) {
        return remember(versions, scheme, s -> new ConcurrentHashMap<>());
    }

    /** get, else compute and keep (not computeIfAbsent: a computation may fill another of these maps). */
    private static <K, V> V remember(Map<K, V> map, K key, Function<K, V> compute) {
        V v = map.get(key);
        if (v == null) {
            v = compute.apply(key);
            V raced = map.putIfAbsent(key, v);
            if (raced != null) {
                v = raced;
            }
        }
        return v;
    }
}
