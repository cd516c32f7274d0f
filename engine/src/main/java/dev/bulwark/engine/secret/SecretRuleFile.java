package dev.bulwark.engine.secret;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.finding.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses one rule file (YAML, and so JSON too) into rules. Every mistake names the file and the rule, in one line.
 * The file is bounded (aliases, nesting, size), since users may point at anything.
 */
final class SecretRuleFile {
    static final int MAX_FILE_BYTES = 4 << 20;
    private static final int MAX_RULES = 5000;
    private static final int MAX_REGEX = 4096;
    private static final ObjectMapper YAML = yaml();

    /** What one file holds. */
    record Parsed(int version, List<Pattern> allowlist, List<Pattern> placeholders, List<RuleSpec> rules,
            List<String> disable) {
    }

    /** A rule before the file's placeholders are applied. */
    record RuleSpec(SecretRule rule, boolean placeholders) {
    }

    private SecretRuleFile() {
    }

    private static ObjectMapper yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(16);
        options.setCodePointLimit(MAX_FILE_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                        .maxStringLength(1 << 20).build())
                .build();
        return new YAMLMapper(factory);
    }

    static Parsed parse(byte[] content, String name) {
        if (content.length > MAX_FILE_BYTES) {
            throw invalid(name, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            throw invalid(name, "not a valid rule file: " + (nl < 0 ? m : m.substring(0, nl)));
        }
        if (root == null || !root.isObject()) {
            throw invalid(name, "expected a mapping with 'rules'");
        }
        int version = root.path("version").asInt(0);
        List<Pattern> allowlist = patterns(root.get("allowlist"), name, "allowlist");
        List<Pattern> placeholders = patterns(root.get("placeholders"), name, "placeholders");
        List<String> disable = strings(root.get("disable"), name, "disable");
        JsonNode rules = root.get("rules");
        List<RuleSpec> out = new ArrayList<>();
        if (rules != null && !rules.isNull()) {
            if (!rules.isArray()) {
                throw invalid(name, "'rules' must be a list");
            }
            if (rules.size() > MAX_RULES) {
                throw invalid(name, "more than " + MAX_RULES + " rules");
            }
            for (JsonNode r : rules) {
                out.add(rule(r, name));
            }
        }
        return new Parsed(version, allowlist, placeholders, out, disable);
    }

    private static RuleSpec rule(JsonNode r, String name) {
        if (!r.isObject()) {
            throw invalid(name, "every rule must be a mapping");
        }
        String id = text(r, "id", name, "?");
        if (!id.matches("secret\\.[a-z0-9][a-z0-9.-]{0,100}")) {
            throw invalid(name, "rule id '" + id + "' must look like secret.<kind-slug>");
        }
        String title = text(r, "title", name, id);
        Severity severity = Severity.parse(text(r, "severity", name, id))
                .orElseThrow(() -> invalid(name, id + ": unknown severity"));
        List<String> keywords = new ArrayList<>();
        for (String k : strings(r.get("keywords"), name, id + " keywords")) {
            keywords.add(k.toLowerCase(java.util.Locale.ROOT));
        }
        String regex = text(r, "regex", name, id);
        if (regex.length() > MAX_REGEX) {
            throw invalid(name, id + ": regex longer than " + MAX_REGEX + " characters");
        }
        Pattern pattern = compile(regex, name, id);
        List<Pattern> allow = patterns(r.get("allow"), name, id + " allow");
        List<Pattern> paths = patterns(r.get("paths"), name, id + " paths");
        double entropy = r.path("entropy").asDouble(0);
        try {
            SecretRule rule = new SecretRule(id, title, severity, keywords, pattern, r.path("before").asInt(0),
                    r.path("after").asInt(0), entropy, allow, paths,
                    r.path("reach").asInt(SecretRule.DEFAULT_REACH));
            return new RuleSpec(rule, r.path("placeholders").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    private static String text(JsonNode r, String field, String name, String id) {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw invalid(name, id + ": '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode v, String name, String what) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw invalid(name, what + " must be a list");
        }
        for (JsonNode s : v) {
            if (!s.isValueNode()) {
                throw invalid(name, what + " must hold strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    private static List<Pattern> patterns(JsonNode v, String name, String what) {
        List<Pattern> out = new ArrayList<>();
        for (String s : strings(v, name, what)) {
            out.add(compile(s, name, what));
        }
        return out;
    }

    private static Pattern compile(String regex, String name, String what) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(name, what + ": bad regex: " + e.getDescription());
        }
    }

    private static BulwarkException invalid(String name, String message) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, "secret rules " + name + ": " + message);
    }
}
