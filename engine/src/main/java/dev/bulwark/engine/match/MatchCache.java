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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The advisory data one match reads, each piece decoded, parsed or scored once: an inventory names the same package
 * keys, versions and advisories many times over (binaries of one source package, one library in several apps, one
 * advisory behind many packages), and the lookup decodes afresh on every call. Everything remembered is immutable and
 * a function of its key, so sharing it between the threads of one match (and, through a database's
 * {@link MatchMemo}, between matches) cannot change a result.
 */
final class MatchCache implements AdvisoryLookup {
    private final AdvisoryLookup lookup;
    private final Map<String, Optional<Advisory>> advisories;
    private final Map<String, Optional<KevEntry>> kev;
    private final Map<String, Optional<EpssScore>> epss;
    private final Map<String, List<CvssScore>> scores;
    private final Map<List<String>, AdvisoryFacts> facts;
    private final Map<SchemeKey, ParsedEntries> entries;
    /** Installed versions (and, without a memo, the advisories' versions too), parsed, by scheme. */
    private final Map<VersionScheme, Map<String, Optional<Version>>> versions = new ConcurrentHashMap<>();
    private final Map<VersionScheme, Map<String, Optional<Version>>> advisoryVersions;
    private final int expected;

    record SchemeKey(PackageKey key, VersionScheme scheme) {
    }

    /**
     * @param packages how many packages the match is for: the tables are sized for them, never grown in a hurry.
     *     Over an open database ({@link AdvisoryLookup#of}) the advisory tables are the database's
     *     {@link MatchMemo}, filled by earlier matches.
     */
    MatchCache(AdvisoryLookup lookup, int packages) {
        this.lookup = lookup;
        this.expected = Math.max(16, packages);
        MatchMemo memo = lookup instanceof DatabaseLookup d ? d.memo() : null;
        if (memo != null) {
            advisories = memo.advisories;
            kev = memo.kev;
            epss = memo.epss;
            scores = memo.scores;
            facts = memo.facts;
            entries = memo.entries;
            advisoryVersions = memo.advisoryVersions;
            return;
        }
        advisories = new ConcurrentHashMap<>(expected);
        kev = new ConcurrentHashMap<>(expected);
        epss = new ConcurrentHashMap<>(expected);
        scores = new ConcurrentHashMap<>(expected);
        facts = new ConcurrentHashMap<>(expected);
        entries = new ConcurrentHashMap<>(expected);
        advisoryVersions = versions;
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
            Map<String, Optional<Version>> known = remember(advisoryVersions, scheme,
                    s -> new ConcurrentHashMap<>(expected));
            Function<String, Optional<Version>> parse = text -> remember(known, text, scheme::parse);
            List<AffectedEntry> affected = lookup.affected(key);
            Map<String, Integer> index = new HashMap<>();
            List<String> texts = new ArrayList<>();
            List<Version> parsedTexts = new ArrayList<>();
            ToIntFunction<String> listedIndex = text -> {
                Integer i = index.get(text);
                if (i == null) {
                    Optional<Version> v = parse.apply(text);
                    i = v.isEmpty() ? -1 : texts.size();
                    if (v.isPresent()) {
                        texts.add(v.get().text());
                        parsedTexts.add(v.get());
                    }
                    index.put(text, i);
                }
                return i;
            };
            List<ParsedEntry> out = new ArrayList<>(affected.size());
            for (AffectedEntry e : affected) {
                if (e.fixState() != FixState.NOT_AFFECTED) {
                    out.add(ParsedEntry.of(e, parse, listedIndex));
                }
            }
            return new ParsedEntries(out, texts.toArray(String[]::new), parsedTexts.toArray(Version[]::new));
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
        return remember(versions, scheme, s -> new ConcurrentHashMap<>(expected));
    }

    /**
     * get, else compute and keep (not computeIfAbsent: a computation may fill another of these maps); a table at
     * {@link MatchMemo#MAX_ENTRIES} keeps nothing more.
     */
    private static <K, V> V remember(Map<K, V> map, K key, Function<K, V> compute) {
        V v = map.get(key);
        if (v == null) {
            v = compute.apply(key);
            if (map.size() >= MatchMemo.MAX_ENTRIES) {
                return v;
            }
            V raced = map.putIfAbsent(key, v);
            if (raced != null) {
                v = raced;
            }
        }
        return v;
    }
}
