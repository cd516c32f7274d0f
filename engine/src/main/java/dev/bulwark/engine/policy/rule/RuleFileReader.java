package dev.bulwark.engine.policy.rule;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.config.yaml.YamlDocument;
import dev.bulwark.engine.config.yaml.YamlReader;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.policy.cel.CelException;
import dev.bulwark.engine.policy.cel.CelProgram;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one rule file (YAML, format in docs/policy.md) and compiles every rule in it. */
final class RuleFileReader {
    private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "message", "messageExpression",
            "remediation", "match", "expression", "action", "references");
    private static final YamlReader YAML = new YamlReader();

    private RuleFileReader() {
    }

    static List<Rule> read(String file, byte[] content) {
        List<Rule> rules = new ArrayList<>();
        for (YamlDocument doc : YAML.read(file, content).documents()) {
            if (doc.root() == null) {
                continue;
            }
            if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> list)) {
                throw invalid(file, null, "expected a document with a 'rules' list");
            }
            int index = 0;
            for (Object entry : list) {
                index++;
                if (!(entry instanceof Map<?, ?> map)) {
                    throw invalid(file, "#" + index, "a rule must be a mapping");
                }
                rules.add(rule(file, index, map));
            }
        }
        return rules;
    }

    private static Rule rule(String file, int index, Map<?, ?> map) {
        String id = text(map, "id");
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")) {
            throw invalid(file, id == null ? "#" + index : id, "needs an 'id' of letters, digits and . _ : / -");
        }
        for (Object key : map.keySet()) {
            if (!RULE_KEYS.contains(String.valueOf(key))) {
                throw invalid(file, id, "unknown field '" + key + "'");
            }
        }
        Severity severity = Severity.parse(text(map, "severity"))
                .orElseThrow(() -> invalid(file, id, "needs a 'severity' (LOW, MEDIUM, HIGH, CRITICAL, ...)"));
        String expression = text(map, "expression");
        if (expression == null || expression.isBlank()) {
            throw invalid(file, id, "needs an 'expression' (CEL, true when the rule is violated)");
        }
        String message = text(map, "message");
        String messageExpression = text(map, "messageExpression");
        if (message == null && messageExpression == null) {
            throw invalid(file, id, "needs a 'message' or a 'messageExpression'");
        }
        String action = text(map, "action");
        if (action != null && !action.equals("deny") && !action.equals("warn")) {
            throw invalid(file, id, "'action' must be deny or warn");
        }
        Set<InputKind> inputs = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        match(file, id, map.get("match"), inputs, kinds);
        return new Rule(id, text(map, "title") == null ? id : text(map, "title"), severity, message,
                messageExpression == null ? null : compile(file, id, "messageExpression", messageExpression),
                text(map, "remediation"), inputs, kinds, compile(file, id, "expression", expression),
                "deny".equals(action), strings(file, id, map.get("references")), file);
    }

    private static void match(String file, String id, Object match, Set<InputKind> inputs, Set<String> kinds) {
        if (!(match instanceof Map<?, ?> m)) {
            throw invalid(file, id, "needs a 'match' with 'inputs' (image, kubernetes, dockerfile, compose)");
        }
        for (String input : strings(file, id, m.get("inputs"))) {
            inputs.add(InputKind.parse(input).orElseThrow(() -> invalid(file, id, "unknown input '" + input
                    + "' (image, kubernetes, dockerfile, compose)")));
        }
        if (inputs.isEmpty()) {
            throw invalid(file, id, "'match.inputs' is empty");
        }
        kinds.addAll(strings(file, id, m.get("kinds")));
        if (!kinds.isEmpty() && !inputs.contains(InputKind.KUBERNETES)) {
            throw invalid(file, id, "'match.kinds' needs the kubernetes input");
        }
    }

    private static CelProgram compile(String file, String id, String field, String source) {
        try {
            return CelProgram.compile(source);
        } catch (CelException e) {
            throw invalid(file, id, field + " " + e.getMessage());
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static List<String> strings(String file, String id, Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw invalid(file, id, "expected a list, found " + v);
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static BulwarkException invalid(String file, String id, String reason) {
        return new BulwarkException(ErrorKind.INVALID_INPUT,
                file + (id == null ? "" : ": rule " + id) + ": " + reason);
    }
}
