package dev.bulwark.engine.inventory;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package URL split into its parts, per the purl specification: {@code pkg:type/namespace/name@version?qualifiers
 * #subpath}, each part percent-decoded.
 */
public record ParsedPurl(String type, String namespace, String name, String version, Map<String, String> qualifiers,
        String subpath) {

    public ParsedPurl {
        qualifiers = qualifiers == null ? Map.of() : Map.copyOf(qualifiers);
    }

    /** Parses a purl; throws INVALID_INPUT naming the problem. */
    public static ParsedPurl parse(String purl) {
        if (purl == null || !purl.regionMatches(true, 0, "pkg:", 0, 4)) {
            throw invalid(purl, "does not start with pkg:");
        }
        String rest = purl.substring(4);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        String subpath = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = decode(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        Map<String, String> qualifiers = new TreeMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1) {
                    qualifiers.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
                }
            }
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw invalid(purl, "has no type/name");
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        rest = rest.substring(slash + 1);
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int last = rest.lastIndexOf('/');
        String name = decode(last < 0 ? rest : rest.substring(last + 1));
        String namespace = null;
        if (last > 0) {
            StringBuilder ns = new StringBuilder();
            for (String segment : rest.substring(0, last).split("/")) {
                if (!segment.isEmpty()) {
                    ns.append(ns.length() == 0 ? "" : "/").append(decode(segment));
                }
            }
            namespace = ns.length() == 0 ? null : ns.toString();
        }
        if (name.isEmpty()) {
            throw invalid(purl, "has an empty name");
        }
        return new ParsedPurl(type, namespace, name, version, qualifiers, subpath);
    }

    /** Percent-decoding: runs of %XX are UTF-8 bytes; anything else is kept as it is. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 3;
                    continue;
                }
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static BulwarkException invalid(String purl, String problem) {
        String shown = purl == null ? "null" : purl.length() > 120 ? purl.substring(0, 120) + "..." : purl;
        return new BulwarkException(ErrorKind.INVALID_INPUT, "purl " + shown + " " + problem);
    }
}
