package dev.bulwark.engine.ecosystem.php;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Composer package version, normalized as {@code Composer\Semver\VersionParser::normalize} does ({@code v1.2} to
 * {@code 1.2.0.0}, {@code 1.0-b2} to {@code 1.0.0.0-beta2}, {@code 2.x-dev} to {@code 2.9999999.9999999.9999999-dev})
 * and ordered as Composer orders normalized versions, by PHP's {@code version_compare}: {@code dev < alpha < beta <
 * RC < release < patch}. Branch names ({@code dev-main}) have no order and are invalid here.
 */
public final class ComposerVersion implements Version {
    /** The Composer scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("composer", ComposerVersion::parseOrNull);

    private static final String MODIFIER = "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
    private static final Pattern CLASSICAL = Pattern.compile("^v?(\\d{1,5}+)(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?"
            + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})"
            + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern FLAG = Pattern.compile("@(?:stable|RC|beta|alpha|dev)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUILD = Pattern.compile("^([^,\\s+]++)\\+[^\\s]++$");
    private static final Pattern DEV = Pattern.compile("^(.*?)[.-]?dev$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_BRANCH = Pattern.compile(
            "^v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?$", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final String normalized;
    private final String[] tokens;

    private ComposerVersion(String text, String normalized) {
        this.text = text;
        this.normalized = normalized;
        this.tokens = PhpVersionCompare.tokens(normalized);
    }

    /** The parsed version, or null where Composer refuses it or it names a branch. */
    public static ComposerVersion parseOrNull(String text) {
        String n = normalize(text);
        return n == null || n.startsWith("dev-") ? null : new ComposerVersion(text, n);
    }

    /** Composer's normalized form ({@code dev-NAME} for branches), or null where Composer throws. */
    public static String normalize(String text) {
        String v = text.strip();
        Matcher m = ALIAS.matcher(v);
        if (m.matches()) {
            v = m.group(1);
        }
        m = FLAG.matcher(v);
        if (m.find()) {
            v = v.substring(0, m.start());
        }
        if (v.equals("master") || v.equals("trunk") || v.equals("default")) {
            v = "dev-" + v;
        }
        if (v.regionMatches(true, 0, "dev-", 0, 4)) {
            return "dev-" + v.substring(4);
        }
        m = BUILD.matcher(v);
        if (m.matches()) {
            v = m.group(1);
        }
        m = CLASSICAL.matcher(v);
        String version = null;
        int index = 0;
        if (m.matches()) {
            version = m.group(1) + part(m.group(2)) + part(m.group(3)) + part(m.group(4));
            index = 5;
        } else {
            m = DATE.matcher(v);
            if (m.matches()) {
                version = m.group(1).replaceAll("\\D", ".");
                index = 2;
            }
        }
        if (version != null) {
            String stability = m.group(index);
            if (stability != null && !stability.isEmpty()) {
                if (stability.equals("stable")) {
                    return version;
                }
                String number = m.group(index + 1);
                version += "-" + expand(stability) + (number == null ? "" : number.replaceAll("^[.-]+", ""));
            }
            String dev = m.group(index + 2);
            if (dev != null && !dev.isEmpty()) {
                version += "-dev";
            }
            return version;
        }
        m = DEV.matcher(v);
        if (m.matches()) {
            String branch = branch(m.group(1));
            if (!branch.contains("dev-")) {
                return branch;
            }
        }
        return null;
    }

    private static String part(String group) {
        return group == null || group.isEmpty() ? ".0" : group;
    }

    private static String expand(String stability) {
        String s = stability.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> s;
        };
    }

    private static String branch(String name) {
        Matcher m = NUMERIC_BRANCH.matcher(name.strip());
        if (!m.matches()) {
            return "dev-" + name;
        }
        StringBuilder v = new StringBuilder();
        for (int i = 1; i < 5; i++) {
            v.append(m.group(i) == null ? ".x" : m.group(i).replace('*', 'x').replace('X', 'x'));
        }
        return v.toString().replace("x", "9999999") + "-dev";
    }

    @Override
    public String text() {
        return text;
    }

    /** The normalized form ({@code 1.2.0.0-beta2}). */
    public String normalized() {
        return normalized;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof ComposerVersion o)) {
            throw Version.mismatch(this, other);
        }
        return PhpVersionCompare.compare(tokens, o.tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComposerVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
