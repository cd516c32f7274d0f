package dev.bulwark.engine.ecosystem.npm;

import static dev.bulwark.engine.ecosystem.npm.NpmRange.isX;
import static dev.bulwark.engine.ecosystem.npm.NpmRange.replaceFirst;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Desugars one {@code ||}-free node-semver range (hyphen, caret, tilde and x-ranges) into primitive comparators. */
final class NpmRangeParser {
    private static final Pattern[] HYPHEN = patterns("^\\s*(%X)\\s+-\\s+(%X)\\s*$");
    private static final Pattern[] COMPARATOR_TRIM = {
        Pattern.compile("(\\s*)" + NpmGrammar.GTLT + "\\s*(" + NpmGrammar.LOOSEPLAIN + "|" + NpmGrammar.XRANGEPLAIN
                + ")")};
    private static final Pattern TILDE_TRIM = Pattern.compile("(\\s*)(?:~>?)\\s+");
    private static final Pattern CARET_TRIM = Pattern.compile("(\\s*)(?:\\^)\\s+");
    private static final Pattern[] TILDE = patterns("^(?:~>?)%X$");
    private static final Pattern[] CARET = patterns("^(?:\\^)%X$");
    private static final Pattern[] XRANGE = patterns("^" + NpmGrammar.GTLT + "\\s*%X$");
    private static final Pattern BUILD = Pattern.compile(NpmGrammar.BUILD);
    private static final Pattern STAR = Pattern.compile("(<|>)?=?\\s*\\*");
    private static final Pattern GTE0 = Pattern.compile("^\\s*>=\\s*0\\.0\\.0\\s*$");
    private static final Pattern GTE0_PRE = Pattern.compile("^\\s*>=\\s*0\\.0\\.0-0\\s*$");

    private final boolean loose;
    private final boolean includePrerelease;
    private final int mode;

    NpmRangeParser(boolean loose, boolean includePrerelease) {
        this.loose = loose;
        this.includePrerelease = includePrerelease;
        this.mode = loose ? 1 : 0;
    }

    private static Pattern[] patterns(String template) {
        return new Pattern[] {
            Pattern.compile(template.replace("%X", NpmGrammar.XRANGEPLAIN)),
            Pattern.compile(template.replace("%X", NpmGrammar.XRANGEPLAIN_LOOSE))};
    }

    /** The comparators, or null when the range is invalid. */
    List<NpmComparator> parse(String range) {
        String r = BUILD.matcher(range).replaceAll("");
        r = replaceFirst(HYPHEN[mode], r, this::hyphen);
        r = COMPARATOR_TRIM[0].matcher(r).replaceAll("$1$2$3");
        r = TILDE_TRIM.matcher(r).replaceAll("$1~");
        r = CARET_TRIM.matcher(r).replaceAll("$1^");
        List<String> expanded = new ArrayList<>();
        for (String comp : r.split(" ", -1)) {
            expanded.add(comparator(comp));
        }
        List<NpmComparator> comparators = new ArrayList<>();
        for (String comp : String.join(" ", expanded).split("\\s+", -1)) {
            String c = (includePrerelease ? GTE0_PRE : GTE0).matcher(comp.strip()).replaceFirst("");
            if (loose && !NpmComparator.pattern(true).matcher(c).matches()) {
                continue;
            }
            NpmComparator parsed = NpmComparator.parseOrNull(c, loose);
            if (parsed == null) {
                return null;
            }
            comparators.add(parsed);
        }
        return NpmRange.dedupe(comparators);
    }

    private String comparator(String comp) {
        String c = BUILD.matcher(comp).replaceFirst("");
        c = each(c.strip().split("\\s+", -1), this::caret);
        c = each(c.strip().split("\\s+", -1), this::tilde);
        c = each(c.split("\\s+", -1), this::xrange);
        return STAR.matcher(c.strip()).replaceFirst("");
    }

    private static String each(String[] parts, java.util.function.UnaryOperator<String> f) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(f.apply(p));
        }
        return String.join(" ", out);
    }

    private String hyphen(Matcher m) {
        String from = m.group(1);
        String fM = m.group(2);
        String fm = m.group(3);
        String fp = m.group(4);
        String fpr = m.group(5);
        String to = m.group(7);
        String tM = m.group(8);
        String tm = m.group(9);
        String tp = m.group(10);
        String tpr = m.group(11);
        String z = includePrerelease ? "-0" : "";
        if (isX(fM)) {
            from = "";
        } else if (isX(fm)) {
            from = ">=" + fM + ".0.0" + z;
        } else if (isX(fp)) {
            from = ">=" + fM + "." + fm + ".0" + z;
        } else if (fpr != null) {
            from = ">=" + from;
        } else {
            from = ">=" + from + z;
        }
        if (isX(tM)) {
            to = "";
        } else if (isX(tm)) {
            to = "<" + inc(tM) + ".0.0-0";
        } else if (isX(tp)) {
            to = "<" + tM + "." + inc(tm) + ".0-0";
        } else if (tpr != null) {
            to = "<=" + tM + "." + tm + "." + tp + "-" + tpr;
        } else if (includePrerelease) {
            to = "<" + tM + "." + tm + "." + inc(tp) + "-0";
        } else {
            to = "<=" + to;
        }
        return (from + " " + to).strip();
    }

    private String tilde(String comp) {
        String z = includePrerelease ? "-0" : "";
        return replaceFirst(TILDE[mode], comp, m -> {
            String major = m.group(1);
            String minor = m.group(2);
            String patch = m.group(3);
            String pre = m.group(4);
            if (isX(major)) {
                return "";
            } else if (isX(minor)) {
                return ">=" + major + ".0.0" + z + " <" + inc(major) + ".0.0-0";
            } else if (isX(patch)) {
                return ">=" + major + "." + minor + ".0" + z + " <" + major + "." + inc(minor) + ".0-0";
            } else if (pre != null) {
                return ">=" + major + "." + minor + "." + patch + "-" + pre + " <" + major + "." + inc(minor) + ".0-0";
            }
            return ">=" + major + "." + minor + "." + patch + " <" + major + "." + inc(minor) + ".0-0";
        });
    }

    private String caret(String comp) {
        String z = includePrerelease ? "-0" : "";
        return replaceFirst(CARET[mode], comp, m -> {
            String major = m.group(1);
            String minor = m.group(2);
            String patch = m.group(3);
            String pre = m.group(4);
            if (isX(major)) {
                return "";
            } else if (isX(minor)) {
                return ">=" + major + ".0.0" + z + " <" + inc(major) + ".0.0-0";
            } else if (isX(patch)) {
                String upper = major.equals("0") ? major + "." + inc(minor) + ".0-0" : inc(major) + ".0.0-0";
                return ">=" + major + "." + minor + ".0" + z + " <" + upper;
            }
            String lower = major + "." + minor + "." + patch + (pre != null ? "-" + pre : "");
            String upper;
            if (major.equals("0")) {
                upper = minor.equals("0") ? major + "." + minor + "." + inc(patch) + "-0"
                        : major + "." + inc(minor) + ".0-0";
            } else {
                upper = inc(major) + ".0.0-0";
            }
            return ">=" + lower + " <" + upper;
        });
    }

    private String xrange(String comp) {
        String c = comp.strip();
        return replaceFirst(XRANGE[mode], c, m -> {
            String gtlt = m.group(1);
            String major = m.group(2);
            String minor = m.group(3);
            String patch = m.group(4);
            if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !isX(patch))) {
                return c;
            }
            boolean xM = isX(major);
            boolean xm = xM || isX(minor);
            boolean xp = xm || isX(patch);
            if (gtlt.equals("=") && xp) {
                gtlt = "";
            }
            String pr = includePrerelease ? "-0" : "";
            if (xM) {
                return gtlt.equals(">") || gtlt.equals("<") ? "<0.0.0-0" : "*";
            } else if (!gtlt.isEmpty() && xp) {
                String mi = xm ? "0" : minor;
                String ma = major;
                String pa = "0";
                if (gtlt.equals(">")) {
                    gtlt = ">=";
                    if (xm) {
                        ma = inc(major);
                        mi = "0";
                    } else {
                        mi = inc(minor);
                    }
                } else if (gtlt.equals("<=")) {
                    gtlt = "<";
                    if (xm) {
                        ma = inc(major);
                    } else {
                        mi = inc(minor);
                    }
                }
                if (gtlt.equals("<")) {
                    pr = "-0";
                }
                return gtlt + ma + "." + mi + "." + pa + pr;
            } else if (xm) {
                return ">=" + major + ".0.0" + pr + " <" + inc(major) + ".0.0-0";
            } else if (xp) {
                return ">=" + major + "." + minor + ".0" + pr + " <" + major + "." + inc(minor) + ".0-0";
            }
            return m.group();
        });
    }

    /** JavaScript's {@code +s + 1} on a digit string. */
    private static String inc(String digits) {
        return digits.length() > 16 ? digits : Long.toString(Long.parseLong(digits) + 1);
    }
}
