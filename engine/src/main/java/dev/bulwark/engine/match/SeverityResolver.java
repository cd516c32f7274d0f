package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.SeverityType;
import dev.bulwark.engine.advisory.SeverityVector;
import dev.bulwark.engine.advisory.cvss.CvssVector;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding.CvssScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a finding's severity from the most authoritative source: for distro packages the distribution's own
 * urgency (it knows how the flaw applies to its build), else the newest CVSS version an advisory carries, else the
 * advisory database's own rating (GitHub's {@code database_specific.severity}).
 */
final class SeverityResolver {
    private static final Pattern GHSA_SEVERITY = Pattern.compile("\"severity\"\\s*:\\s*\"([A-Za-z]+)\"");

    private SeverityResolver() {
    }

    record Resolved(Severity severity, String source) {
    }

    /** Every CVSS vector of the advisories, scored; vectors that do not parse are left out. */
    static List<CvssScore> scores(List<Advisory> advisories) {
        return combine(advisories, SeverityResolver::scoresOf);
    }

    /**
     * The scores of each advisory ({@link #scoresOf}, possibly remembered) in advisory order, each vector once: the
     * first advisory that carries it is its source.
     */
    static List<CvssScore> combine(List<Advisory> advisories, Function<Advisory, List<CvssScore>> scoresOf) {
        List<CvssScore> out = new ArrayList<>();
        for (Advisory a : advisories) {
            for (CvssScore score : scoresOf.apply(a)) {
                if (out.stream().noneMatch(o -> o.vector().equals(score.vector()))) {
                    out.add(score);
                }
            }
        }
        return out;
    }

    /** The CVSS vectors of one advisory that parse (Ubuntu priorities are not CVSS), scored, in the order given. */
    static List<CvssScore> scoresOf(Advisory a) {
        List<CvssScore> out = new ArrayList<>();
        for (SeverityVector s : a.severities()) {
            if (s.type() == SeverityType.UBUNTU) {
                continue;
            }
            CvssVector.tryParse(s.score()).ifPresent(vector -> out.add(new CvssScore(vector.version().label(),
                    vector.vector(), vector.score(), vector.severity(), a.id())));
        }
        return List.copyOf(out);
    }

    static Resolved resolve(String distroUrgency, String distroName, List<CvssScore> cvss, List<Advisory> advisories) {
        Optional<Severity> distro = distroSeverity(distroUrgency);
        if (distro.isPresent()) {
            return new Resolved(distro.get(), distroName);
        }
        CvssScore best = null;
        for (CvssScore c : cvss) {
            if (best == null || c.version().compareTo(best.version()) > 0
                    || (c.version().equals(best.version()) && c.score() > best.score())) {
                best = c;
            }
        }
        if (best != null && best.severity() != null) {
            return new Resolved(best.severity(), "cvss-v" + best.version());
        }
        for (Advisory a : advisories) {
            if (a.databaseSpecific() != null) {
                Matcher m = GHSA_SEVERITY.matcher(a.databaseSpecific());
                if (m.find()) {
                    Optional<Severity> s = ghsaSeverity(m.group(1));
                    if (s.isPresent()) {
                        return new Resolved(s.get(), "advisory");
                    }
                }
            }
        }
        return new Resolved(Severity.UNKNOWN, null);
    }

    /** Debian urgencies and Alpine/Ubuntu priorities; "not yet assigned" and end-of-life say nothing about impact. */
    static Optional<Severity> distroSeverity(String urgency) {
        if (urgency == null) {
            return Optional.empty();
        }
        String u = urgency.toLowerCase(Locale.ROOT).replace("**", "").strip();
        return switch (u) {
            case "unimportant", "negligible" -> Optional.of(Severity.NEGLIGIBLE);
            case "low" -> Optional.of(Severity.LOW);
            case "medium" -> Optional.of(Severity.MEDIUM);
            case "high" -> Optional.of(Severity.HIGH);
            case "critical" -> Optional.of(Severity.CRITICAL);
            default -> Optional.empty();
        };
    }

    private static Optional<Severity> ghsaSeverity(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Optional.of(Severity.CRITICAL);
            case "HIGH" -> Optional.of(Severity.HIGH);
            case "MODERATE", "MEDIUM" -> Optional.of(Severity.MEDIUM);
            case "LOW" -> Optional.of(Severity.LOW);
            default -> Optional.empty();
        };
    }
}
