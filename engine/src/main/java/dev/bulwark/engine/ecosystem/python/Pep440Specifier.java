package dev.bulwark.engine.ecosystem.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version specifier set ({@code >=1.0,!=1.3.*,<2}) as {@code packaging.specifiers.SpecifierSet} evaluates
 * it with prereleases allowed: every clause must hold. Clauses follow packaging's rules for {@code ~=}, prefix
 * matching with {@code .*}, local labels, and the exclusive {@code <}/{@code >} that do not admit prereleases or
 * post releases of exactly the version they name (packaging 24 and later; older releases compared base versions).
 */
public final class Pep440Specifier {
    private static final Pattern CLAUSE = Pattern.compile("^\\s*(===|~=|==|!=|<=|>=|<|>)\\s*(\\S+)\\s*$");
    private static final Pattern PREFIXED = Pattern.compile("^([0-9]+)((?:a|b|c|rc)[0-9]+)$");

    private record Clause(String op, String spec, Pep440Version version) {
    }

    private final List<Clause> clauses;

    private Pep440Specifier(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /** The parsed set, or null when a clause is not a valid PEP 440 specifier. An empty text allows everything. */
    public static Pep440Specifier parseOrNull(String text) {
        List<Clause> clauses = new ArrayList<>();
        if (text.isBlank()) {
            return new Pep440Specifier(clauses);
        }
        for (String part : text.split(",", -1)) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                return null;
            }
            String op = m.group(1);
            String spec = m.group(2);
            if (op.equals("===")) {
                clauses.add(new Clause(op, spec, null));
                continue;
            }
            boolean wildcard = spec.endsWith(".*");
            if (wildcard && !(op.equals("==") || op.equals("!="))) {
                return null;
            }
            Pep440Version v = Pep440Version.parseOrNull(wildcard ? spec.substring(0, spec.length() - 2) : spec);
            if (v == null || (wildcard && (v.hasSuffix() || v.hasLocal()))) {
                return null;
            }
            boolean localAllowed = op.equals("==") || op.equals("!=");
            if (v.hasLocal() && (!localAllowed || wildcard)) {
                return null;
            }
            if (op.equals("~=") && v.releaseLength() < 2) {
                return null;
            }
            clauses.add(new Clause(op, spec, v));
        }
        return new Pep440Specifier(List.copyOf(clauses));
    }

    /** Whether the version satisfies every clause. */
    public boolean contains(Pep440Version v) {
        for (Clause c : clauses) {
            if (!holds(c, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Clause c, Pep440Version v) {
        return switch (c.op) {
            case "===" -> v.normalized().toLowerCase(Locale.ROOT).equals(c.spec.toLowerCase(Locale.ROOT));
            case "==" -> equal(v, c.spec);
            case "!=" -> !equal(v, c.spec);
            case "~=" -> v.publicVersion().compareTo(c.version) >= 0 && equal(v, compatiblePrefix(c.spec));
            case "<=" -> v.publicVersion().compareTo(c.version) <= 0;
            case ">=" -> v.publicVersion().compareTo(c.version) >= 0;
            case "<" -> v.compareTo(c.version) < 0
                    && !(!c.version.isPrerelease() && v.isPrerelease()
                    && v.baseVersion().compareTo(c.version) == 0);
            case ">" -> v.compareTo(c.version) > 0
                    && !(!c.version.isPostrelease() && v.isPostrelease()
                    && v.baseVersion().compareTo(c.version) == 0)
                    && !(v.hasLocal() && v.publicVersion().compareTo(c.version) == 0);
            default -> false;
        };
    }

    private static boolean equal(Pep440Version v, String spec) {
        if (spec.endsWith(".*")) {
            Pep440Version prefix = Pep440Version.parseOrNull(spec.substring(0, spec.length() - 2));
            List<String> want = split(prefix.publicVersion().normalized());
            List<String> have = split(v.publicVersion().normalized());
            int wantRelease = releaseLength(want);
            int haveRelease = releaseLength(have);
            List<String> padded = new ArrayList<>(have.subList(0, haveRelease));
            while (padded.size() < wantRelease) {
                padded.add("0");
            }
            padded.addAll(have.subList(haveRelease, have.size()));
            return padded.size() >= want.size() && padded.subList(0, want.size()).equals(want);
        }
        Pep440Version s = Pep440Version.parseOrNull(spec);
        return (s.hasLocal() ? v : v.publicVersion()).compareTo(s) == 0;
    }

    private static String compatiblePrefix(String spec) {
        List<String> parts = new ArrayList<>();
        for (String p : split(spec)) {
            if (p.startsWith("dev") || p.startsWith("a") || p.startsWith("b") || p.startsWith("rc")
                    || p.startsWith("post")) {
                break;
            }
            parts.add(p);
        }
        parts.remove(parts.size() - 1);
        return parts.get(0) + "!" + String.join(".", parts.subList(1, parts.size())) + ".*";
    }

    /** packaging's _version_split: epoch first, then dot parts with {@code 1rc1} split in two. */
    private static List<String> split(String version) {
        List<String> out = new ArrayList<>();
        int bang = version.lastIndexOf('!');
        out.add(bang < 0 ? "0" : version.substring(0, bang));
        for (String item : version.substring(bang + 1).split("\\.", -1)) {
            Matcher m = PREFIXED.matcher(item);
            if (m.matches()) {
                out.add(m.group(1));
                out.add(m.group(2));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static int releaseLength(List<String> parts) {
        int i = 0;
        while (i < parts.size() && !parts.get(i).isEmpty() && parts.get(i).chars().allMatch(Character::isDigit)) {
            i++;
        }
        return i;
    }
}
