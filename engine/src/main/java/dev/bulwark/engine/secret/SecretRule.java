package dev.bulwark.engine.secret;

import dev.bulwark.engine.finding.Severity;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of credential and how to find it. The regex runs only on the lines around a keyword hit (plus
 * {@code before} and {@code after} lines for multi-line forms); the named group {@code secret}, else group 1, else the
 * whole match is the secret, which must pass the entropy minimum and no allowlist pattern may match it.
 *
 * @param id {@code secret.<kind-slug>}
 * @param title the kind of credential, as users know it
 * @param keywords lower-case substrings, at least one; the prefilter looks for them case-insensitively
 * @param minEntropy Shannon bits per character the secret needs, 0 for none
 * @param allow patterns that mark a secret as a placeholder (found with {@code find})
 * @param paths patterns on the file path; empty for every file
 * @param reach how many bytes either side of a keyword, within its line(s), the regex may need
 */
public record SecretRule(String id, String title, Severity severity, List<String> keywords, Pattern regex,
        int before, int after, double minEntropy, List<Pattern> allow, List<Pattern> paths, int reach) {

    /** The most lines of context a rule may ask for on either side of a keyword line. */
    public static final int MAX_CONTEXT_LINES = 20;
    /** The default reach: more than any single-line credential form needs. */
    public static final int DEFAULT_REACH = 512;
    public static final int MAX_REACH = 64 << 10;

    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(regex, "regex");
        keywords = List.copyOf(keywords);
        allow = List.copyOf(allow);
        paths = List.copyOf(paths);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule needs at least one keyword");
        }
        for (String k : keywords) {
            if (k.isEmpty()) {
                throw new IllegalArgumentException(id + ": empty keyword");
            }
        }
        if (before < 0 || after < 0 || before > MAX_CONTEXT_LINES || after > MAX_CONTEXT_LINES) {
            throw new IllegalArgumentException(id + ": before/after must be 0.." + MAX_CONTEXT_LINES);
        }
        if (reach < 16 || reach > MAX_REACH) {
            throw new IllegalArgumentException(id + ": reach must be 16.." + MAX_REACH);
        }
    }

    /** The same rule with extra allowlist patterns. */
    SecretRule withAllow(List<Pattern> more) {
        List<Pattern> all = new java.util.ArrayList<>(allow);
        all.addAll(more);
        return new SecretRule(id, title, severity, keywords, regex, before, after, minEntropy, all, paths, reach);
    }

    /** Whether this rule runs on the file at {@code path}. */
    public boolean appliesTo(String path) {
        if (paths.isEmpty()) {
            return true;
        }
        for (Pattern p : paths) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the secret is a placeholder or too uniform to be a real credential. */
    boolean dismisses(String secret) {
        for (Pattern p : allow) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        return minEntropy > 0 && ShannonEntropy.bitsPerChar(secret) < minEntropy;
    }

    /** The index of the group holding the secret. */
    int secretGroup() {
        if (regex.namedGroups().containsKey("secret")) {
            return regex.namedGroups().get("secret");
        }
        return regex.matcher("").groupCount() >= 1 ? 1 : 0;
    }
}
