package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One credentials file: a containers {@code auth.json} or a Docker {@code config.json}. Both share {@code auths}
 * (base64 {@code auth}, or {@code username}/{@code password}, or {@code identitytoken}) and {@code credHelpers};
 * Docker adds {@code credsStore}. Keys may carry a scheme and path ({@code https://index.docker.io/v1/}), be a bare
 * host, or (containers) name a repository prefix ({@code quay.io/team}), the longest matching prefix winning.
 * Error messages name the file and key, never a value.
 */
final class AuthFile {
    private static final int MAX_BYTES = 4 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final Map<String, JsonNode> auths;
    private final Map<String, String> credHelpers;
    private final String credsStore;

    private AuthFile(Path path, Map<String, JsonNode> auths, Map<String, String> credHelpers, String credsStore) {
        this.path = path;
        this.auths = auths;
        this.credHelpers = credHelpers;
        this.credsStore = credsStore;
    }

    static AuthFile read(Path path) {
        JsonNode root;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw unreadable(path, "it is larger than " + MAX_BYTES + " bytes");
            }
            root = MAPPER.readTree(Files.readAllBytes(path));
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text, which may be a secret: report only the position.
            var at = e.getLocation();
            throw unreadable(path, "it is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw unreadable(path, e.getClass().getSimpleName());
        }
        if (root == null || !root.isObject()) {
            throw unreadable(path, "it is not a JSON object");
        }
        Map<String, JsonNode> auths = new LinkedHashMap<>();
        root.path("auths").fields().forEachRemaining(e -> auths.putIfAbsent(normalizeKey(e.getKey()), e.getValue()));
        Map<String, String> helpers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("credHelpers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
                helpers.putIfAbsent(normalizeKey(e.getKey()), e.getValue().asText());
            }
        }
        JsonNode store = root.get("credsStore");
        return new AuthFile(path, auths, helpers, store != null && store.isTextual() && !store.asText().isEmpty()
                ? store.asText() : null);
    }

    /** What this file says about {@code ref}: stored credentials, a helper to ask, or nothing. */
    Optional<Credentials> lookup(ImageReference ref, CredentialHelper helpers) {
        for (String key : candidateKeys(ref)) {
            String helper = credHelpers.get(key);
            if (helper != null) {
                return helpers.get(helper, serverUrl(ref, key), path);
            }
            JsonNode entry = auths.get(key);
            if (entry != null) {
                Optional<Credentials> found = decode(entry, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (credsStore != null) {
            return helpers.get(credsStore, serverUrl(ref, ref.registry()), path);
        }
        return Optional.empty();
    }

    Path path() {
        return path;
    }

    private Optional<Credentials> decode(JsonNode entry, String key) {
        String origin = path + " (" + key + ")";
        String identity = text(entry, "identitytoken");
        if (identity != null) {
            return Optional.of(new Credentials(Credentials.IDENTITY_TOKEN_USER, identity, origin));
        }
        String auth = text(entry, "auth");
        if (auth != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw unreadable(path, "the \"auth\" value for " + key + " is not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw unreadable(path, "the \"auth\" value for " + key + " is not base64 of user:password");
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1), origin));
        }
        String user = text(entry, "username");
        String password = text(entry, "password");
        if (user != null && password != null) {
            return Optional.of(new Credentials(user, password, origin));
        }
        return Optional.empty();
    }

    /** Keys to try, most specific first: repository prefixes, then the host and its Docker Hub aliases. */
    static List<String> candidateKeys(ImageReference ref) {
        List<String> keys = new ArrayList<>();
        String registry = ref.registry().toLowerCase(Locale.ROOT);
        String repo = ref.repository();
        while (true) {
            keys.add(registry + "/" + repo);
            int slash = repo.lastIndexOf('/');
            if (slash < 0) {
                break;
            }
            repo = repo.substring(0, slash);
        }
        keys.add(registry);
        if (registry.equals(ImageReference.DOCKER_HUB)) {
            keys.add(ImageReference.DOCKER_HUB_LEGACY);
            keys.add(ImageReference.DOCKER_HUB_API);
        }
        return keys;
    }

    /**
     * Docker's rule: a key with a scheme is reduced to its host ({@code https://index.docker.io/v1/} is
     * {@code index.docker.io}); a key without one may name a repository prefix and is kept.
     */
    static String normalizeKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
            int slash = k.indexOf('/');
            k = slash < 0 ? k : k.substring(0, slash);
        }
        while (k.endsWith("/")) {
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    /** What a credential helper is asked for: Docker Hub keeps its historical URL, others their host. */
    private static String serverUrl(ImageReference ref, String key) {
        if (ref.registry().equals(ImageReference.DOCKER_HUB)) {
            return "https://index.docker.io/v1/";
        }
        return key;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static BulwarkException unreadable(Path path, String why) {
        return new BulwarkException(ErrorKind.AUTH, "cannot read credentials from " + path + ": " + why);
    }
}
