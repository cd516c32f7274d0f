package dev.bulwark.engine.policy.rule;

import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.policy.cel.CelProgram;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One compiled policy rule. Its {@code expression} is true when the input VIOLATES the rule.
 *
 * @param id the rule id, used as the finding's check id
 * @param title one short sentence, or the id
 * @param message the message shown when violated
 * @param messageExpression a CEL expression giving the message from the same input, or null
 * @param inputs which input kinds the rule runs on
 * @param kinds for Kubernetes input, the object kinds it runs on (empty: every kind)
 * @param deny true when a violation fails the gate whatever the severity thresholds say
 * @param source the file the rule came from
 */
public record Rule(String id, String title, Severity severity, String message, CelProgram messageExpression,
        String remediation, Set<InputKind> inputs, Set<String> kinds, CelProgram expression, boolean deny,
        List<String> references, String source) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(expression, "expression");
        inputs = Set.copyOf(inputs);
        kinds = Set.copyOf(kinds);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Whether the rule runs on this input; {@code kind} is the Kubernetes kind or null. */
    public boolean appliesTo(InputKind input, String kind) {
        return inputs.contains(input) && (input != InputKind.KUBERNETES || kinds.isEmpty() || kinds.contains(kind));
    }
}
