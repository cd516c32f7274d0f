package dev.bulwark.engine.policy;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.policy.cel.CelEvaluationException;
import dev.bulwark.engine.policy.rule.InputKind;
import dev.bulwark.engine.policy.rule.Rule;
import dev.bulwark.engine.policy.rule.RuleBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates every rule on every subject it matches; collects violations, denials and evaluation errors. */
final class RuleRunner {
    final List<Misconfiguration> findings = new ArrayList<>();
    final List<String> denials = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    void run(RuleBundle bundle, Assessment assessment, List<PolicySubject> subjects) {
        for (PolicySubject subject : subjects) {
            InputKind input = kind(subject);
            String objectKind = subject instanceof PolicySubject.Kubernetes k
                    ? String.valueOf(k.object().get("kind")) : null;
            Map<String, Object> vars = null;
            for (Rule rule : bundle.rules()) {
                if (!rule.appliesTo(input, objectKind)) {
                    continue;
                }
                if (vars == null) {
                    vars = PolicyInput.variables(assessment, subject);
                }
                evaluate(rule, subject, vars, assessment);
            }
        }
    }

    private void evaluate(Rule rule, PolicySubject subject, Map<String, Object> vars, Assessment assessment) {
        Location location = location(subject, assessment);
        String where = location.resource() == null ? location.path() : location.path() + " " + location.resource();
        Object verdict;
        try {
            verdict = rule.expression().evaluate(vars);
        } catch (CelEvaluationException e) {
            fail(rule, where, e.getMessage());
            return;
        }
        if (!(verdict instanceof Boolean violated)) {
            fail(rule, where, "expression gave " + verdict + ", not a bool");
            return;
        }
        if (!violated) {
            return;
        }
        String message = rule.message();
        if (rule.messageExpression() != null) {
            try {
                Object m = rule.messageExpression().evaluate(vars);
                message = m instanceof String s && !s.isBlank() ? s : message;
            } catch (CelEvaluationException e) {
                errors.add(rule.id() + " on " + where + ": messageExpression " + e.getMessage());
            }
        }
        if (message == null) {
            message = rule.title();
        }
        findings.add(new Misconfiguration(rule.id(), rule.title(), rule.severity(), message, rule.remediation(),
                location, rule.references()));
        if (rule.deny()) {
            denials.add(rule.id() + " on " + where + ": " + message);
        }
    }

    private void fail(Rule rule, String where, String problem) {
        errors.add(rule.id() + " on " + where + ": " + problem);
        if (rule.deny()) {
            denials.add(rule.id() + " on " + where + ": could not be evaluated (" + problem + ")");
        }
    }

    private static InputKind kind(PolicySubject subject) {
        return switch (subject) {
            case PolicySubject.Image i -> InputKind.IMAGE;
            case PolicySubject.Kubernetes k -> InputKind.KUBERNETES;
            case PolicySubject.ConfigFile f -> "compose".equals(f.kind()) ? InputKind.COMPOSE : InputKind.DOCKERFILE;
        };
    }

    private static Location location(PolicySubject subject, Assessment assessment) {
        return switch (subject) {
            case PolicySubject.Image i -> new Location(assessment.inventory().target() == null ? "image"
                    : assessment.inventory().target().name(), 0, 0, null, null);
            case PolicySubject.Kubernetes k -> new Location(k.path() == null ? "" : k.path(), 0, 0, null,
                    resource(k.object()));
            case PolicySubject.ConfigFile f -> Location.file(f.path() == null ? "" : f.path());
        };
    }

    private static String resource(Map<String, Object> object) {
        Map<?, ?> md = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object ns = md.get("namespace");
        return object.get("kind") + "/" + (ns == null ? "" : ns + "/") + md.get("name");
    }
}
