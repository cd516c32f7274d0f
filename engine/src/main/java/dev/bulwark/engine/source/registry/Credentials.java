package dev.bulwark.engine.source.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret for one registry, and where they came from (for messages). A username of
 * {@code <token>} marks an identity token from a credential helper. {@link #toString} never shows the secret.
 */
record Credentials(String username, String secret, String origin) {
    static final String IDENTITY_TOKEN_USER = "<token>";

    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    boolean isIdentityToken() {
        return IDENTITY_TOKEN_USER.equals(username);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + username + ", from " + origin + "]";
    }
}
