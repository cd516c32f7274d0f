package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a registry's {@code WWW-Authenticate} challenge: nothing for an open registry, Basic with the user's
 * credentials, or a Bearer token from the challenge's realm (anonymous, with Basic credentials, or with an identity
 * token), cached per scope. Credentials are looked up only when a challenge asks for them, and never appear in an
 * error message.
 */
final class RegistryAuth {
    private static final int MAX_TOKEN_RESPONSE = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ImageReference ref;
    private final RegistryTransport transport;
    private final CredentialLookup lookup;
    private final boolean allowPlainHttp;
    private final Map<String, String> tokens = new HashMap<>();
    private AuthChallenge challenge;
    private Optional<Credentials> credentials;

    RegistryAuth(ImageReference ref, RegistryTransport transport, CredentialLookup lookup, boolean allowPlainHttp) {
        this.ref = ref;
        this.transport = transport;
        this.lookup = lookup;
        this.allowPlainHttp = allowPlainHttp;
    }

    /** The Authorization header to send for {@code scope}, or null when the registry asked for none. */
    synchronized String authorization(String scope) {
        if (challenge == null) {
            return null;
        }
        if (challenge.isBasic()) {
            return credentials().map(Credentials::basicHeader).orElseThrow(() -> refused("reading " + ref));
        }
        if (challenge.isBearer()) {
            String token = tokens.get(scope);
            if (token == null) {
                token = fetchToken(scope);
                tokens.put(scope, token);
            }
            return "Bearer " + token;
        }
        throw new BulwarkException(ErrorKind.AUTH, "registry " + ref.registry() + " asks for unsupported \""
                + challenge.scheme() + "\" authentication");
    }

    /** Records a (new) challenge and forgets the token for {@code scope} so the next request re-authenticates. */
    synchronized void challenged(AuthChallenge next, String scope) {
        challenge = next;
        tokens.remove(scope);
    }

    /** The error for a registry that still says 401 after authenticating. */
    synchronized BulwarkException refused(String what) {
        Optional<Credentials> creds = credentials();
        if (creds.isEmpty()) {
            return new BulwarkException(ErrorKind.AUTH, "registry " + ref.registry() + " requires authentication for "
                    + ref.repository() + " and no credentials were found (checked " + lookup.files()
                    + "); log in with podman login / docker login, or pass --username and --password");
        }
        return new BulwarkException(ErrorKind.AUTH, "registry " + ref.registry() + " refused the credentials from "
                + creds.get().origin() + " (user " + creds.get().username() + ") while " + what
                + " (401): check credentials");
    }

    private Optional<Credentials> credentials() {
        if (credentials == null) {
            credentials = lookup.find();
        }
        return credentials;
    }

    private String fetchToken(String scope) {
        String realm = challenge.param("realm");
        URI realmUri;
        try {
            realmUri = realm == null ? null : URI.create(realm);
        } catch (IllegalArgumentException e) {
            realmUri = null;
        }
        if (realmUri == null || realmUri.getHost() == null || !("https".equalsIgnoreCase(realmUri.getScheme())
                || "http".equalsIgnoreCase(realmUri.getScheme()))) {
            throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry()
                    + " sent a Bearer challenge without a usable realm URL");
        }
        boolean plain = "http".equalsIgnoreCase(realmUri.getScheme());
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(scope);
        if (challenge.param("scope") != null && !challenge.param("scope").isBlank()) {
            scopes.add(challenge.param("scope"));
        }
        StringBuilder query = new StringBuilder();
        if (challenge.param("service") != null) {
            query.append("service=").append(encode(challenge.param("service")));
        }
        for (String s : scopes) {
            query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(s));
        }
        Optional<Credentials> creds = credentials();
        if (creds.isPresent() && plain && !allowPlainHttp && !isLoopback(realmUri)) {
            throw new BulwarkException(ErrorKind.AUTH, "registry " + ref.registry() + " token service " + realmUri
                    .getHost() + " uses plain HTTP; refusing to send credentials (use --insecure to allow)");
        }
        HttpResponse<InputStream> response;
        String what = "getting a token for " + ref.repository();
        if (creds.isPresent() && creds.get().isIdentityToken()) {
            String form = query + "&grant_type=refresh_token&client_id=bulwark&refresh_token="
                    + encode(creds.get().secret());
            response = transport.postForm(withoutQuery(realmUri), form, what);
        } else {
            URI uri = URI.create(withoutQuery(realmUri) + (realmUri.getRawQuery() == null ? "?" : "?"
                    + realmUri.getRawQuery() + "&") + query);
            response = transport.get(uri, Map.of(), creds.map(Credentials::basicHeader).orElse(null), what);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw refused(what);
            }
            if (status != 200) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + " token service answered"
                        + " HTTP " + status + " while " + what);
            }
            byte[] bytes = body.readNBytes(MAX_TOKEN_RESPONSE + 1);
            if (bytes.length > MAX_TOKEN_RESPONSE) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry()
                        + " token service sent an oversized answer");
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(bytes);
            } catch (IOException e) {
                json = null;
            }
            String token = json == null ? null : json.path("token").asText("");
            if (token == null || token.isEmpty()) {
                token = json == null ? null : json.path("access_token").asText("");
            }
            if (token == null || token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry()
                        + " token service answered without a usable token");
            }
            return token;
        } catch (IOException e) {
            throw TransportFailure.of(e).toException(realmUri.getHost(), what, e);
        }
    }

    private static boolean isLoopback(URI uri) {
        String h = uri.getHost();
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static URI withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return URI.create(q < 0 ? s : s.substring(0, q));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
