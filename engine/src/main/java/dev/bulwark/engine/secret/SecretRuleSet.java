package dev.bulwark.engine.secret;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules a scan uses: the built-in file, optionally merged with a user file (a user rule replaces the built-in one
 * with the same id; {@code disable} drops rules; the user's allowlist adds to the built-in one).
 *
 * @param version names this exact rule set (format version plus a hash of every file's bytes); part of the layer
 *     cache key, so changing any rule re-scans the layers
 */
public record SecretRuleSet(String version, List<SecretRule> rules) {
    private static final String BUILT_IN = "rules.yaml";

    public SecretRuleSet {
        Objects.requireNonNull(version, "version");
        rules = List.copyOf(rules);
    }

    /** The rules shipped with Bulwark. */
    public static SecretRuleSet builtIn() {
        return of(builtInBytes(), null, null);
    }

    /** The built-in rules merged with the user's rule file. */
    public static SecretRuleSet withUserFile(Path file) {
        byte[] user;
        try {
            if (Files.size(file) > SecretRuleFile.MAX_FILE_BYTES) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, "secret rules " + file + ": larger than "
                        + (SecretRuleFile.MAX_FILE_BYTES >> 20) + " MiB");
            }
            user = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "secret rules " + file + ": cannot read: "
                    + e.getMessage(), e);
        }
        return of(builtInBytes(), user, file.toString());
    }

    /** Rules from bytes (the built-in file and an optional user file); for tests and embedders. */
    static SecretRuleSet of(byte[] builtIn, byte[] user, String userName) {
        SecretRuleFile.Parsed base = SecretRuleFile.parse(builtIn, "built-in");
        List<Pattern> allowlist = new ArrayList<>(base.allowlist());
        Map<String, SecretRule> byId = new LinkedHashMap<>();
        add(byId, base, base.placeholders(), allowlist, "built-in");
        MessageDigest sha = sha256();
        sha.update(builtIn);
        if (user != null) {
            SecretRuleFile.Parsed extra = SecretRuleFile.parse(user, userName);
            allowlist.addAll(extra.allowlist());
            List<Pattern> placeholders = new ArrayList<>(base.placeholders());
            placeholders.addAll(extra.placeholders());
            for (String id : extra.disable()) {
                byId.remove(id);
            }
            add(byId, extra, placeholders, allowlist, userName);
            sha.update((byte) 0);
            sha.update(user);
        }
        List<SecretRule> rules = new ArrayList<>();
        for (SecretRule r : byId.values()) {
            rules.add(r.withAllow(allowlist));
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        return new SecretRuleSet("v" + base.version() + "-" + hash, rules);
    }

    private static void add(Map<String, SecretRule> byId, SecretRuleFile.Parsed file, List<Pattern> placeholders,
            List<Pattern> allowlist, String name) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SecretRuleFile.RuleSpec spec : file.rules()) {
            SecretRule r = spec.rule();
            if (!seen.add(r.id())) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, "secret rules " + name + ": duplicate rule id "
                        + r.id());
            }
            if (spec.placeholders()) {
                r = r.withAllow(placeholders);
            }
            byId.put(r.id(), r);
        }
    }

    private static byte[] builtInBytes() {
        try (InputStream in = SecretRuleSet.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new BulwarkException(ErrorKind.INTERNAL, "built-in secret rules missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.INTERNAL, "built-in secret rules unreadable: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
