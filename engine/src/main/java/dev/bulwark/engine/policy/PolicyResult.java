package dev.bulwark.engine.policy;

import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.policy.exception.ExceptionEntry;
import java.util.List;

/**
 * What the gate made of an assessment.
 *
 * @param kept findings to report: the assessment's and the rules', after severity and fix filters, less suppressed
 * @param suppressed findings an exception or a VEX statement suppressed, each with its reason
 * @param expiredExceptions exceptions past their expiry date: they no longer apply (a warning each)
 * @param ruleFindings every rule violation found, before filters and suppression
 * @param denials the deny-rule violations among them, as the reasons a decision gives
 * @param errors rules that could not be evaluated on some input (rule id, input, CEL error)
 */
public record PolicyResult(List<Finding> kept, List<Suppressed> suppressed, List<ExceptionEntry> expiredExceptions,
        List<Misconfiguration> ruleFindings, List<String> denials, List<String> errors, Decision decision) {

    public PolicyResult {
        kept = List.copyOf(kept);
        suppressed = List.copyOf(suppressed);
        expiredExceptions = List.copyOf(expiredExceptions);
        ruleFindings = List.copyOf(ruleFindings);
        denials = List.copyOf(denials);
        errors = List.copyOf(errors);
    }
}
