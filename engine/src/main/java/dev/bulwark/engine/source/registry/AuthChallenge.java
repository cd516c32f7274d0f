package dev.bulwark.engine.source.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:app:pull"}.
 */
record AuthChallenge(String scheme, Map<String, String> params) {
    AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    String param(String name) {
        return params.get(name);
    }

    /** The first Bearer challenge among the header values, else the first Basic one. */
    static Optional<AuthChallenge> select(List<String> headerValues) {
        AuthChallenge basic = null;
        for (String value : headerValues) {
            Optional<AuthChallenge> parsed = parse(value);
            if (parsed.isPresent() && parsed.get().isBearer()) {
                return parsed;
            }
            if (parsed.isPresent() && parsed.get().isBasic() && basic == null) {
                basic = parsed.get();
            }
        }
        return Optional.ofNullable(basic);
    }

    /** Parses a single challenge; unparseable text gives empty rather than an exception (it is remote input). */
    static Optional<AuthChallenge> parse(String header) {
        if (header == null || header.length() > 8192) {
            return Optional.empty();
        }
        String s = header.trim();
        int space = s.indexOf(' ');
        String scheme = space < 0 ? s : s.substring(0, space);
        if (scheme.isEmpty() || !scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? s.length() : space + 1;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < s.length() && s.charAt(i) != ',') {
                    value.append(s.charAt(i++));
                }
            }
            if (!key.isEmpty()) {
                params.putIfAbsent(key, value.toString().trim());
            }
        }
        return Optional.of(new AuthChallenge(scheme, params));
    }
}
