package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.DatabaseMetadata;
import dev.bulwark.engine.ecosystem.VersionSchemes;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.match.AdvisoryLookup;
import dev.bulwark.engine.match.MatchResult;
import dev.bulwark.engine.match.VulnerabilityMatcher;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options that turn an inventory into findings and a CI decision: which scanners run, which severities count,
 * whether unfixed vulnerabilities count, and the exit code when anything is left.
 */
final class FindingOptions {
    static final Opt SCANNERS = Opt.value("LIST", "Scanners to run, comma-separated: vuln, secret, misconfig, or none"
            + " for the package list only (default: vuln when an advisory database exists).", "--scanners");
    static final Opt SEVERITY = Opt.value("LIST", "Report only these severities, comma-separated (CRITICAL, HIGH,"
            + " MEDIUM, LOW, NEGLIGIBLE, UNKNOWN; default: all).", "--severity", "-s");
    static final Opt IGNORE_UNFIXED = Opt.flag("Leave out vulnerabilities that have no fixed version.",
            "--ignore-unfixed");
    static final Opt EXIT_CODE = Opt.value("N", "Exit with N when any finding is left after filtering (default: 0).",
            "--exit-code");
    static final Opt MAX_DB_AGE = Opt.value("AGE", "Warn when the advisory database is older than AGE, e.g. 7d"
            + " (default: 7d).", "--max-db-age");
    static final List<Opt> OPTIONS = List.of(SCANNERS, SEVERITY, IGNORE_UNFIXED, EXIT_CODE, AdvisoryDb.DB_DIR,
            MAX_DB_AGE);
    private static final Set<String> KNOWN = Set.of("vuln", "secret", "misconfig");

    final Set<String> scanners;
    final boolean scannersGiven;
    final Set<Severity> severities;
    final boolean ignoreUnfixed;
    final int exitCode;
    private final ParsedArgs args;

    FindingOptions(ParsedArgs args, Set<String> available) {
        this.args = args;
        String given = args.value("--scanners");
        scannersGiven = given != null;
        Set<String> s = new LinkedHashSet<>();
        if (given != null) {
            for (String part : given.split(",")) {
                String name = part.strip().toLowerCase(Locale.ROOT);
                if (name.equals("none") || name.isEmpty()) {
                    continue;
                }
                if (!KNOWN.contains(name)) {
                    throw new BulwarkException(ErrorKind.USAGE, "--scanners: unknown scanner '" + Main.oneLine(name)
                            + "'; use vuln, secret, misconfig or none");
                }
                if (!available.contains(name)) {
                    throw new BulwarkException(ErrorKind.USAGE, "--scanners: the " + name + " scanner does not apply"
                            + " here; this command offers " + String.join(", ", available));
                }
                s.add(name);
            }
        } else if (available.equals(Set.of("misconfig"))) {
            s.add("misconfig");
        } else if (available.contains("vuln") && Files.isRegularFile(AdvisoryDb.file(args))) {
            s.add("vuln");
        }
        scanners = Set.copyOf(s);
        String sev = args.value("--severity");
        if (sev == null) {
            severities = EnumSet.allOf(Severity.class);
        } else {
            EnumSet<Severity> set = EnumSet.noneOf(Severity.class);
            for (String part : sev.split(",")) {
                set.add(Severity.parse(part).orElseThrow(() -> new BulwarkException(ErrorKind.USAGE,
                        "--severity: unknown severity '" + Main.oneLine(part) + "'; use CRITICAL, HIGH, MEDIUM, LOW,"
                                + " NEGLIGIBLE or UNKNOWN")));
            }
            severities = set;
        }
        ignoreUnfixed = args.flag("--ignore-unfixed");
        String code = args.value("--exit-code", "0");
        try {
            exitCode = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new BulwarkException(ErrorKind.USAGE, "--exit-code: not a number: " + Main.oneLine(code));
        }
        if (exitCode < 0 || exitCode > 255) {
            throw new BulwarkException(ErrorKind.USAGE, "--exit-code: must be 0 to 255");
        }
        if (exitCode != 0 && !scannersGiven && scanners.isEmpty() && available.contains("vuln")) {
            // A gate must never pass because it silently had nothing to check with.
            AdvisoryDb.open(args).close();
        }
    }

    /** The inventory matched against the advisory database when the vuln scanner runs. */
    Assessment assess(Inventory inventory, List<Finding> otherFindings, Io io, boolean quiet) {
        List<Finding> findings = new ArrayList<>(otherFindings);
        Assessment.DatabaseInfo dbInfo = null;
        Inventory result = inventory;
        if (scanners.contains("vuln")) {
            try (AdvisoryDatabase db = AdvisoryDb.open(args)) {
                DatabaseMetadata meta = db.metadata();
                Duration maxAge = AdvisoryDb.age(args.value("--max-db-age", "7d"), "--max-db-age");
                Duration age = Duration.between(meta.builtAt(), Instant.now());
                if (age.compareTo(maxAge) > 0 && !quiet) {
                    io.err().println("bulwark: warning: the advisory database was built " + age.toDays()
                            + " days ago (" + meta.builtAt() + "); run 'bulwark db update'");
                }
                MatchResult match = new VulnerabilityMatcher(AdvisoryLookup.of(db), VersionSchemes::forEcosystem)
                        .match(inventory);
                findings.addAll(match.findings());
                dbInfo = new Assessment.DatabaseInfo(meta.builtAt().toString(), meta.schemaVersion(),
                        meta.advisories());
                if (!match.warnings().isEmpty()) {
                    List<Warning> warnings = new ArrayList<>(inventory.warnings());
                    warnings.addAll(match.warnings());
                    result = new Inventory(inventory.target(), inventory.distro(), inventory.layers(),
                            inventory.packages(), warnings);
                }
            }
        }
        List<String> ran = KNOWN.stream().filter(scanners::contains).sorted().toList();
        return new Assessment(result, findings, ran, dbInfo);
    }

    /** The findings users asked to see: severities chosen, unfixed ones dropped when asked. */
    Assessment filter(Assessment a) {
        List<Finding> kept = a.findings().stream().filter(f -> severities.contains(f.severity()))
                .filter(f -> !(ignoreUnfixed && f instanceof VulnerabilityFinding v && !v.fixable())).toList();
        return new Assessment(a.inventory(), kept, a.scanners(), a.database());
    }

    /** The exit code for what is left after filtering. */
    int exitCodeFor(Assessment filtered) {
        return filtered.findings().isEmpty() ? 0 : exitCode;
    }
}
