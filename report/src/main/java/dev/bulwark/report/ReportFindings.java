package dev.bulwark.report;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The views of the findings every writer shares: one stable order per kind (most severe first) and the counts by
 * severity, so that two writers never disagree on what a report says.
 */
public final class ReportFindings {
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Most severe first, then id, then the package, so that parallel matching cannot reorder a report. */
    public static final Comparator<VulnerabilityFinding> VULNERABILITY_ORDER =
            Comparator.comparing(VulnerabilityFinding::severity, Comparator.reverseOrder())
                    .thenComparing(VulnerabilityFinding::vulnerabilityId, TEXT)
                    .thenComparing(VulnerabilityFinding::pkg, ReportPackages.ORDER);

    public static final Comparator<SecretFinding> SECRET_ORDER =
            Comparator.comparing(SecretFinding::severity, Comparator.reverseOrder())
                    .thenComparing(s -> s.location().path(), TEXT)
                    .thenComparingInt(s -> s.location().startLine())
                    .thenComparing(s -> s.location().layer(), TEXT)
                    .thenComparing(SecretFinding::ruleId, TEXT);

    public static final Comparator<Misconfiguration> MISCONFIGURATION_ORDER =
            Comparator.comparing(Misconfiguration::severity, Comparator.reverseOrder())
                    .thenComparing(m -> m.location().path(), TEXT)
                    .thenComparingInt(m -> m.location().startLine())
                    .thenComparing(m -> m.location().resource(), TEXT)
                    .thenComparing(Misconfiguration::checkId, TEXT)
                    .thenComparing(Misconfiguration::message, TEXT);

    private ReportFindings() {
    }

    public static List<VulnerabilityFinding> vulnerabilities(Assessment a) {
        return a.findings(VulnerabilityFinding.class).stream().sorted(VULNERABILITY_ORDER).toList();
    }

    public static List<SecretFinding> secrets(Assessment a) {
        return a.findings(SecretFinding.class).stream().sorted(SECRET_ORDER).toList();
    }

    public static List<Misconfiguration> misconfigurations(Assessment a) {
        return a.findings(Misconfiguration.class).stream().sorted(MISCONFIGURATION_ORDER).toList();
    }

    /** Every finding in report order: vulnerabilities, then secrets, then misconfigurations. */
    public static List<Finding> all(Assessment a) {
        List<Finding> all = new java.util.ArrayList<>();
        all.addAll(vulnerabilities(a));
        all.addAll(secrets(a));
        all.addAll(misconfigurations(a));
        return all;
    }

    /** How many findings of each severity, every severity present (zero when none), most severe first. */
    public static Map<Severity, Integer> countBySeverity(List<? extends Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** Severities from CRITICAL down to UNKNOWN, the order reports list them in. */
    public static List<Severity> severitiesDescending() {
        List<Severity> list = new java.util.ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(list);
        return list;
    }

    /** The kind of a finding as reports name it: {@code vulnerability}, {@code secret}, {@code misconfiguration}. */
    public static String kind(Finding f) {
        return switch (f) {
            case VulnerabilityFinding v -> "vulnerability";
            case SecretFinding s -> "secret";
            case Misconfiguration m -> "misconfiguration";
        };
    }

    /** One line saying what a finding is about, for formats with a single message field. */
    public static String message(Finding f) {
        return switch (f) {
            case VulnerabilityFinding v -> v.vulnerabilityId() + " in " + v.pkg().name() + " " + v.pkg().version()
                    + (v.fixable() ? " (fixed in " + String.join(", ", v.fixedVersions()) + ")"
                            : " (" + v.fixStatus().label() + ")")
                    + (v.title() == null ? "" : ": " + v.title());
            case SecretFinding s -> (s.title() == null ? s.ruleId() : s.title()) + ": " + s.masked()
                    + (s.deletedLater() ? " (deleted by a later layer, but still shipped in this one)" : "");
            case Misconfiguration m -> m.message() != null ? m.message() : m.title();
        };
    }
}
