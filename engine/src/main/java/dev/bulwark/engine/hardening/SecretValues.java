package dev.bulwark.engine.hardening;

import dev.bulwark.engine.config.SecretLikeNames;
import java.util.Locale;
import java.util.Set;

/** Decides whether a NAME=value setting holds a literal credential, and masks values for output. */
final class SecretValues {
    /**
     * Names {@link SecretLikeNames} takes for credentials that are not: {@code GPG_KEY} in official images is a
     * public key fingerprint, {@code PWD} is the working directory.
     */
    private static final Set<String> NOT_SECRET_WORDS = Set.of("gpg", "pgp", "fingerprint", "keyring");
    private static final int SHOWN = 2;

    private SecretValues() {
    }

    /** True when {@code name} names a credential and {@code value} is a literal one, or the value is a key. */
    static boolean isLiteralSecret(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (SecretLikeNames.holdsPrivateKey(value)) {
            return true;
        }
        if (name.equalsIgnoreCase("PWD") || value.startsWith("$")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String w : NOT_SECRET_WORDS) {
            if (lower.contains(w)) {
                return false;
            }
        }
        return SecretLikeNames.isSecretName(name);
    }

    /** The value with all but its first two characters (none for short values) hidden, length not revealed. */
    static String mask(String value) {
        if (value.length() < 8) {
            return "********";
        }
        return value.substring(0, SHOWN) + "********";
    }
}
