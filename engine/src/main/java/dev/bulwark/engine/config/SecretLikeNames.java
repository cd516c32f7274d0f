package dev.bulwark.engine.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a configuration key ({@code DB_PASSWORD}, {@code apiKey}) names a credential, and whether a value
 * holds a private key, so literal secrets in environment variables and config maps can be reported.
 */
public final class SecretLikeNames {

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token",
            "credential", "credentials", "apikey", "passphrase", "privatekey", "key");

    /** Trailing words that make the key about a credential (its file, its id), not the credential itself. */
    private static final Set<String> NOT_THE_SECRET = Set.of("file", "path", "dir", "name", "id", "url", "user",
            "username", "length", "ttl", "expiry", "timeout", "ref", "type", "public", "header", "policy");

    private static final Pattern ASSIGNMENT =
            Pattern.compile("\\s*(?:export\\s+)?([A-Za-z0-9_.-]+)\\s*[=:]\\s*[\"']?([^\\s\"'].*?)[\"']?\\s*");

    private SecretLikeNames() {
    }

    /** True when {@code key} names a credential. */
    public static boolean isSecretName(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        List<String> words = words(key);
        if (words.isEmpty() || NOT_THE_SECRET.contains(words.getLast()) || words.contains("public")) {
            return false;
        }
        return words.stream().anyMatch(SECRET_WORDS::contains);
    }

    /**
     * The first {@code NAME=value} or {@code name: value} line of {@code text} whose name is a credential and whose
     * value is literal (not empty, not a {@code ${VAR}} or {@code $(VAR)} reference), or null.
     */
    public static String literalAssignment(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\n", 1000)) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches() && isSecretName(m.group(1)) && !m.group(2).startsWith("$")
                    && !m.group(2).startsWith("{{")) {
                return m.group(1);
            }
        }
        return null;
    }

    /** True when {@code value} holds a PEM or OpenSSH private key. */
    public static boolean holdsPrivateKey(String value) {
        return value != null && value.contains("PRIVATE KEY");
    }

    static List<String> words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        return Arrays.stream(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty())
                .toList();
    }
}
