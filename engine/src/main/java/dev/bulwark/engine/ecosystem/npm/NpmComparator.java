package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.version.SemVer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One primitive node-semver comparator ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =} or "any"). */
final class NpmComparator {
    private static final Pattern STRICT = Pattern.compile("^" + NpmGrammar.GTLT + "\\s*(" + NpmGrammar.FULLPLAIN
            + ")$|^$");
    private static final Pattern LOOSE = Pattern.compile("^" + NpmGrammar.GTLT + "\\s*(" + NpmGrammar.LOOSEPLAIN
            + ")$|^$");

    private final String operator;
    private final NpmVersion version;

    private NpmComparator(String operator, NpmVersion version) {
        this.operator = operator;
        this.version = version;
    }

    static Pattern pattern(boolean loose) {
        return loose ? LOOSE : STRICT;
    }

    /** The comparator, or null where node-semver throws "Invalid comparator". */
    static NpmComparator parseOrNull(String comp, boolean loose) {
        Matcher m = pattern(loose).matcher(comp);
        if (!m.matches()) {
            return null;
        }
        String op = m.group(1) == null ? "" : m.group(1);
        if (op.equals("=")) {
            op = "";
        }
        if (m.group(2) == null) {
            return new NpmComparator(op, null);
        }
        NpmVersion v = NpmVersion.parseOrNull(m.group(2), loose);
        return v == null ? null : new NpmComparator(op, v);
    }

    boolean isAny() {
        return version == null;
    }

    /** {@code <0.0.0-0}, which nothing satisfies. */
    boolean isNullSet() {
        return version != null && operator.equals("<") && version.semver().compareTo(SemVer.of(0, 0, 0,
                new String[] {"0"}, "")) == 0 && version.semver().prerelease().length == 1;
    }

    SemVer version() {
        return version.semver();
    }

    boolean test(NpmVersion v) {
        if (version == null) {
            return true;
        }
        int c = v.semver().compareTo(version.semver());
        return switch (operator) {
            case "" -> c == 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> false;
        };
    }

    @Override
    public String toString() {
        if (version == null) {
            return "";
        }
        SemVer v = version.semver();
        String pre = v.isPrerelease() ? "-" + String.join(".", v.prerelease()) : "";
        return operator + v.major() + "." + v.minor() + "." + v.patch() + pre;
    }
}
