package dev.bulwark.engine.ecosystem.ruby;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems version ordered as {@code Gem::Version#<=>}: runs of digits and of letters are segments, a letter
 * segment makes a prerelease ({@code 1.0.a < 1.0}), {@code -} reads as {@code .pre.}, trailing zeros of the release and
 * prerelease parts are ignored, numbers sort after letters, letters by byte order.
 */
public final class GemVersion implements Version {
    /** The RubyGems scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("gem", GemVersion::parseOrNull);

    private static final Pattern VALID = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?\\s*");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private final String text;
    private final Object[] segments;

    private GemVersion(String text, Object[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /** The parsed version, or null where {@code Gem::Version.new} raises "Malformed version number string". */
    public static GemVersion parseOrNull(String text) {
        if (!VALID.matcher(text).matches()) {
            return null;
        }
        String v = text.strip();
        if (v.isEmpty()) {
            v = "0";
        }
        v = v.replace("-", ".pre.");
        List<Object> all = new ArrayList<>();
        Matcher m = SEGMENT.matcher(v);
        while (m.find()) {
            String s = m.group();
            all.add(Character.isDigit(s.charAt(0)) ? new BigInteger(s) : s);
        }
        int firstString = 0;
        while (firstString < all.size() && !(all.get(firstString) instanceof String)) {
            firstString++;
        }
        List<Object> canonical = new ArrayList<>(dropTrailingZeros(all.subList(0, firstString)));
        canonical.addAll(dropTrailingZeros(all.subList(firstString, all.size())));
        return new GemVersion(text, canonical.toArray());
    }

    private static List<Object> dropTrailingZeros(List<Object> segments) {
        int end = segments.size();
        while (end > 0 && BigInteger.ZERO.equals(segments.get(end - 1))) {
            end--;
        }
        return segments.subList(0, end);
    }

    @Override
    public String text() {
        return text;
    }

    /** Whether any segment is letters. */
    public boolean isPrerelease() {
        for (Object s : segments) {
            if (s instanceof String) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof GemVersion o)) {
            throw Version.mismatch(this, other);
        }
        int n = Math.max(segments.length, o.segments.length);
        for (int i = 0; i < n; i++) {
            Object l = i < segments.length ? segments[i] : BigInteger.ZERO;
            Object r = i < o.segments.length ? o.segments[i] : BigInteger.ZERO;
            if (l.equals(r)) {
                continue;
            }
            if (l instanceof String ls) {
                return r instanceof String rs ? Integer.signum(ls.compareTo(rs)) : -1;
            }
            return r instanceof String ? 1 : ((BigInteger) l).compareTo((BigInteger) r);
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GemVersion v && compareTo(v) == 0;
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
