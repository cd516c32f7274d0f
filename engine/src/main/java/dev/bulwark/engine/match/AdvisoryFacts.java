package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding.CvssScore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a group of advisory hits says about one vulnerability whatever the package: its ids (the primary one, a CVE
 * where there is one), title, references, CVSS scores, the severity when no distro urgency decides, and KEV and EPSS.
 * A function of the hits' advisory ids in order, so one match works it out once for every package the group hits.
 *
 * @param evidenceIds the advisories that matched, each once, sorted
 * @param otherSeverity the severity from the scores and the advisories alone
 */
record AdvisoryFacts(String primary, List<String> aliases, List<String> evidenceIds, String title,
        List<String> references, List<CvssScore> cvss, SeverityResolver.Resolved otherSeverity,
        VulnerabilityFinding.Kev kev, VulnerabilityFinding.Epss epss) {

    /** The facts of hits on {@code hitIds} (advisory ids in hit order, repeats kept). */
    static AdvisoryFacts of(List<String> hitIds, MatchCache lookup) {
        Set<String> ids = new LinkedHashSet<>();
        List<Advisory> advisories = new ArrayList<>();
        for (String hitId : hitIds) {
            ids.add(hitId);
            lookup.advisory(hitId).ifPresent(a -> {
                advisories.add(a);
                ids.addAll(a.aliases());
            });
        }
        // Advisories stored under an alias (the GHSA record of a CVE a distro names) add scores and text.
        for (String id : List.copyOf(ids)) {
            if (advisories.stream().noneMatch(a -> a.id().equals(id))) {
                lookup.advisory(id).ifPresent(advisories::add);
            }
        }
        String primary = ids.stream().filter(i -> i.startsWith("CVE-")).sorted().findFirst()
                .orElse(ids.stream().sorted().findFirst().orElseThrow());
        List<String> aliases = ids.stream().filter(i -> !i.equals(primary)).sorted().toList();
        List<CvssScore> cvss = SeverityResolver.combine(advisories, lookup::scores);
        SeverityResolver.Resolved otherSeverity = SeverityResolver.resolve(null, null, cvss, advisories);
        String title = advisories.stream().map(Advisory::summary).filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(null);
        List<String> references = advisories.stream().flatMap(a -> a.references().stream())
                .map(r -> r.url()).distinct().limit(20).toList();
        String cve = primary.startsWith("CVE-") ? primary : aliases.stream().filter(i -> i.startsWith("CVE-"))
                .findFirst().orElse(null);
        VulnerabilityFinding.Kev kev = cve == null ? null : lookup.kev(cve).map(k -> new VulnerabilityFinding.Kev(
                String.valueOf(k.dateAdded()), k.dueDate() == null ? null : String.valueOf(k.dueDate()),
                "Known".equalsIgnoreCase(k.knownRansomwareUse()))).orElse(null);
        VulnerabilityFinding.Epss epss = cve == null ? null : lookup.epss(cve)
                .map(e -> new VulnerabilityFinding.Epss(e.epss(), e.percentile(), null)).orElse(null);
        List<String> evidenceIds = hitIds.stream().distinct().sorted().toList();
        return new AdvisoryFacts(primary, aliases, evidenceIds, title, references, List.copyOf(cvss), otherSeverity,
                kev, epss);
    }
}
