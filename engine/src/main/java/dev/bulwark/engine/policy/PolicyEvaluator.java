package dev.bulwark.engine.policy;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.policy.exception.ExceptionEntry;
import dev.bulwark.engine.policy.exception.ExceptionMatcher;
import dev.bulwark.engine.policy.vex.VexMatcher;
import dev.bulwark.engine.policy.vex.VexStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate: runs policy rules, drops findings below the severity thresholds and unfixed ones when asked, sets aside
 * what exceptions and VEX suppress, and decides. Pure: same assessment and options, same result.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    public static PolicyResult evaluate(Assessment assessment, PolicyOptions options) {
        RuleRunner rules = new RuleRunner();
        List<PolicySubject> subjects = new ArrayList<>(options.subjects());
        Inventory.Target target = assessment.inventory().target();
        if (target != null && "image".equals(target.kind())
                && subjects.stream().noneMatch(s -> s instanceof PolicySubject.Image)) {
            subjects.add(0, new PolicySubject.Image(null));
        }
        rules.run(options.rules(), assessment, subjects);

        List<ExceptionEntry> active = new ArrayList<>();
        List<ExceptionEntry> expired = new ArrayList<>();
        for (ExceptionEntry e : options.exceptions()) {
            (e.activeOn(options.today()) ? active : expired).add(e);
        }
        VexMatcher vex = new VexMatcher(options.vex().stream().filter(s -> s.status().suppresses()).toList());

        List<Finding> all = new ArrayList<>(assessment.findings());
        all.addAll(rules.findings);
        List<Finding> kept = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        for (Finding f : all) {
            if (!options.severities().isEmpty() && !options.severities().contains(f.severity())) {
                continue;
            }
            if (options.ignoreUnfixed() && f instanceof VulnerabilityFinding v && !v.fixable()) {
                continue;
            }
            Optional<ExceptionEntry> exception = active.stream()
                    .filter(e -> ExceptionMatcher.matches(e, f, target)).findFirst();
            if (exception.isPresent()) {
                suppressed.add(new Suppressed(f, exception.get(), null));
                continue;
            }
            Optional<VexStatement> statement = f instanceof VulnerabilityFinding v
                    ? vex.statementFor(v, target) : Optional.empty();
            if (statement.isPresent()) {
                suppressed.add(new Suppressed(f, null, statement.get()));
                continue;
            }
            kept.add(f);
        }
        return new PolicyResult(kept, suppressed, expired, rules.findings, rules.denials, rules.errors,
                decide(kept, rules.denials, options.exitCode()));
    }

    /** A deny fails with N when {@code --exit-code N} is non-zero, else 1; remaining findings fail only with N. */
    static Decision decide(List<Finding> kept, List<String> denials, int exitCode) {
        List<String> reasons = new ArrayList<>();
        denials.forEach(d -> reasons.add("denied by policy: " + d));
        if (exitCode != 0 && !kept.isEmpty()) {
            reasons.add(kept.size() + " finding" + (kept.size() == 1 ? "" : "s") + " remain");
        }
        if (reasons.isEmpty()) {
            return new Decision.Pass();
        }
        return new Decision.Fail(exitCode != 0 ? exitCode : 1, reasons);
    }
}
