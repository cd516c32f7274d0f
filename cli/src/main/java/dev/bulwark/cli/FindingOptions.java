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
import dev.bulwark.engine.policy.Decision;
import dev.bulwark.engine.policy.PolicyEvaluator;
import dev.bulwark.engine.policy.PolicyOptions;
import dev.bulwark.engine.policy.PolicyResult;
import dev.bulwark.engine.policy.PolicySubject;
import dev.bulwark.engine.policy.exception.ExceptionEntry;
import dev.bulwark.engine.policy.exception.ExceptionsFile;
import dev.bulwark.engine.policy.rule.RuleBundle;
import dev.bulwark.engine.policy.vex.VexDocuments;
import dev.bulwark.engine.policy.vex.VexStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
    static final Opt SECRET_CONFIG = Opt.value("FILE", "Secret rules to add to, replace or disable built-in ones, and"
            + " allowlists (YAML; docs/secrets.md).", "--secret-config");
    static final Opt MAX_DB_AGE = Opt.value("AGE", "Warn when the advisory database is older than AGE, e.g. 7d"
            + " (default: 7d).", "--max-db-age");
    static final Opt POLICY = Opt.repeated("PATH", "Policy rules (a YAML file or a directory of them; CEL"
            + " expressions, docs/policy.md). Repeatable.", "--policy");
    static final Opt EXCEPTIONS = Opt.value("FILE", "Exceptions file: findings it covers are suppressed until the"
            + " entry expires (docs/policy.md).", "--exceptions");
    static final Opt VEX = Opt.repeated("FILE", "OpenVEX or CycloneDX VEX document: not-affected and fixed statements"
            + " suppress the vulnerability. Repeatable.", "--vex");
    /** The options every command that reports findings takes. */
    static final List<Opt> GATE = List.of(SEVERITY, EXIT_CODE, POLICY, EXCEPTIONS, VEX);
    static final List<Opt> OPTIONS = List.of(SCANNERS, SEVERITY, IGNORE_UNFIXED, EXIT_CODE, POLICY, EXCEPTIONS, VEX,
            AdvisoryDb.DB_DIR, MAX_DB_AGE, SECRET_CONFIG);
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

    /** Scan options with secret scanning switched on when the secret scanner was asked for. */
    dev.bulwark.engine.scan.ScanOptions withScanners(dev.bulwark.engine.scan.ScanOptions options) {
        if (!scanners.contains("secret")) {
            if (args.value("--secret-config") != null) {
                throw new BulwarkException(ErrorKind.USAGE, "--secret-config needs --scanners secret");
            }
            return options;
        }
        String config = args.value("--secret-config");
        var rules = config == null ? dev.bulwark.engine.secret.SecretRuleSet.builtIn()
                : dev.bulwark.engine.secret.SecretRuleSet.withUserFile(Path.of(config));
        return options.withSecrets(new dev.bulwark.engine.secret.SecretScanner(rules));
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

    /** What the gate kept and the exit code it decided. */
    record Outcome(Assessment shown, int exitCode) {
    }

    /**
     * Applies the policy step: rules on the subjects, then the severity and fix filters, then exceptions and VEX;
     * says on standard error what was suppressed, which exceptions expired and which rules could not run.
     */
    Outcome decide(Assessment a, List<PolicySubject> subjects, Io io, boolean quiet) {
        RuleBundle rules = RuleBundle.empty();
        for (String p : args.values("--policy")) {
            rules = rules.plus(RuleBundle.load(Path.of(p)));
        }
        List<ExceptionEntry> exceptions = List.of();
        String ex = args.value("--exceptions");
        if (ex != null) {
            exceptions = ExceptionsFile.parse(ex, readSmall(ex, "--exceptions"));
        }
        List<VexStatement> vex = new ArrayList<>();
        for (String v : args.values("--vex")) {
            vex.addAll(VexDocuments.parse(v, readSmall(v, "--vex")));
        }
        Set<Severity> shown = severities.size() == Severity.values().length ? Set.of() : severities;
        PolicyResult r = PolicyEvaluator.evaluate(a, new PolicyOptions(shown, ignoreUnfixed, exitCode, rules,
                subjects, exceptions, vex, LocalDate.now()));
        if (!quiet) {
            if (!r.suppressed().isEmpty()) {
                long byVex = r.suppressed().stream().filter(x -> x.vex() != null).count();
                io.err().println("bulwark: " + r.suppressed().size() + " finding(s) suppressed (" + byVex + " by VEX, "
                        + (r.suppressed().size() - byVex) + " by exceptions)");
            }
            for (ExceptionEntry e : r.expiredExceptions()) {
                io.err().println("bulwark: warning: exception " + Main.oneLine(e.name()) + " (owner "
                        + Main.oneLine(e.owner()) + ") expired on " + e.expires() + " and no longer applies");
            }
            for (String e : r.errors()) {
                io.err().println("bulwark: warning: policy rule could not run: " + Main.oneLine(e));
            }
            for (String d : r.denials()) {
                io.err().println("bulwark: denied: " + Main.oneLine(d));
            }
        }
        Assessment kept = new Assessment(a.inventory(), r.kept(), a.scanners(), a.database());
        int code = switch (r.decision()) {
            case Decision.Pass p -> 0;
            case Decision.Fail f -> f.exitCode();
        };
        return new Outcome(kept, code);
    }

    private static byte[] readSmall(String file, String option) {
        try {
            Path p = Path.of(file);
            if (Files.size(p) > (16 << 20)) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, option + " " + file + ": larger than 16 MiB");
            }
            return Files.readAllBytes(p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, option + " " + file + ": no such file");
        } catch (java.io.IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, option + " " + file + ": cannot read: " + e.getMessage());
        }
    }
}
