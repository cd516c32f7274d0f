package dev.bulwark.engine.policy;

import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.policy.exception.ExceptionEntry;
import dev.bulwark.engine.policy.rule.RuleBundle;
import dev.bulwark.engine.policy.vex.VexStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the gate applies to an assessment; the CLI builds it from its flags.
 *
 * @param severities {@code --severity}: findings of other severities are dropped from the result (empty: keep all)
 * @param ignoreUnfixed {@code --ignore-unfixed}: drop vulnerabilities with no fixed version
 * @param exitCode {@code --exit-code N}: the exit code when findings remain; 0 means findings do not fail
 * @param rules policy rules to evaluate
 * @param subjects what rules run on besides the assessment (the image, Kubernetes objects, config files)
 * @param exceptions entries of the exceptions file
 * @param vex statements of every VEX document given
 * @param today the date expiry is judged against (a fixed clock in tests)
 */
public record PolicyOptions(Set<Severity> severities, boolean ignoreUnfixed, int exitCode, RuleBundle rules,
        List<PolicySubject> subjects, List<ExceptionEntry> exceptions, List<VexStatement> vex, LocalDate today) {

    public PolicyOptions {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        rules = rules == null ? RuleBundle.empty() : rules;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        vex = vex == null ? List.of() : List.copyOf(vex);
        Objects.requireNonNull(today, "today");
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit code must be 0-255");
        }
    }

    /** No filters, rules, exceptions or VEX: every finding is kept and the decision is always Pass. */
    public static PolicyOptions none(LocalDate today) {
        return new PolicyOptions(Set.of(), false, 0, null, null, null, null, today);
    }
}
