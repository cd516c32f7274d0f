package dev.bulwark.engine.ecosystem.npm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node-semver 7 range ({@code ^1.2.3 || >=2.0.0 <3}, {@code 1.x}, {@code ~1.2}, {@code 1.0.0 - 2.0.0}) reduced to
 * sets of primitive comparators, with node-semver's rule that a prerelease version satisfies a set only when some
 * comparator of that set names a prerelease of the same {@code major.minor.patch} (unless
 * {@code includePrerelease}).
 */
public final class NpmRange {
    private final List<List<NpmComparator>> sets;
    private final boolean loose;
    private final boolean includePrerelease;

    private NpmRange(List<List<NpmComparator>> sets, boolean loose, boolean includePrerelease) {
        this.sets = sets;
        this.loose = loose;
        this.includePrerelease = includePrerelease;
    }

    /** node-semver's {@code new Range(text, {loose, includePrerelease})}, or null where it throws. */
    public static NpmRange parseOrNull(String text, boolean loose, boolean includePrerelease) {
        if (text == null || text.length() > 1024) {
            return null;
        }
        String raw = String.join(" ", text.strip().split("\\s+"));
        List<List<NpmComparator>> sets = new ArrayList<>();
        for (String part : raw.split("\\|\\|", -1)) {
            List<NpmComparator> set = new NpmRangeParser(loose, includePrerelease).parse(part.strip());
            if (set == null) {
                return null;
            }
            if (!set.isEmpty()) {
                sets.add(set);
            }
        }
        if (sets.isEmpty()) {
            return null;
        }
        if (sets.size() > 1) {
            List<NpmComparator> first = sets.get(0);
            List<List<NpmComparator>> kept = new ArrayList<>();
            for (List<NpmComparator> s : sets) {
                if (!s.get(0).isNullSet()) {
                    kept.add(s);
                }
            }
            if (kept.isEmpty()) {
                kept.add(first);
            } else if (kept.size() > 1) {
                for (List<NpmComparator> s : kept) {
                    if (s.size() == 1 && s.get(0).isAny()) {
                        kept = List.of(s);
                        break;
                    }
                }
            }
            sets = kept;
        }
        return new NpmRange(List.copyOf(sets), loose, includePrerelease);
    }

    /** node-semver's {@code satisfies(version, range, options)}: false also when either does not parse. */
    public static boolean satisfies(String version, String range, boolean loose, boolean includePrerelease) {
        NpmRange r = parseOrNull(range, loose, includePrerelease);
        return r != null && r.test(version);
    }

    /** Whether the version text (read with this range's looseness) is in the range. */
    public boolean test(String version) {
        NpmVersion v = version == null ? null : NpmVersion.parseOrNull(version, loose);
        return v != null && test(v);
    }

    /** Whether the version is in the range. */
    public boolean test(NpmVersion version) {
        for (List<NpmComparator> set : sets) {
            if (testSet(set, version)) {
                return true;
            }
        }
        return false;
    }

    private boolean testSet(List<NpmComparator> set, NpmVersion version) {
        for (NpmComparator c : set) {
            if (!c.test(version)) {
                return false;
            }
        }
        if (version.semver().isPrerelease() && !includePrerelease) {
            for (NpmComparator c : set) {
                if (c.isAny()) {
                    continue;
                }
                if (c.version().isPrerelease() && c.version().compareCore(version.semver()) == 0) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (List<NpmComparator> set : sets) {
            List<String> cs = new ArrayList<>();
            for (NpmComparator c : set) {
                cs.add(c.toString());
            }
            parts.add(String.join(" ", cs));
        }
        return String.join("||", parts);
    }

    /** Removes duplicate comparators and drops "any" ones beside real ones, as node-semver does. */
    static List<NpmComparator> dedupe(List<NpmComparator> comparators) {
        Map<String, NpmComparator> byValue = new LinkedHashMap<>();
        for (NpmComparator c : comparators) {
            if (c.isNullSet()) {
                return List.of(c);
            }
            byValue.put(c.toString(), c);
        }
        if (byValue.size() > 1) {
            byValue.remove("");
        }
        return new ArrayList<>(byValue.values());
    }

    static boolean isX(String id) {
        return id == null || id.isEmpty() || id.equalsIgnoreCase("x") || id.equals("*");
    }

    static String replaceFirst(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        return s.substring(0, m.start()) + f.apply(m) + s.substring(m.end());
    }
}
