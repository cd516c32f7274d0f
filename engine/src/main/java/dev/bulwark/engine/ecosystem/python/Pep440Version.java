package dev.bulwark.engine.ecosystem.python;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version as the {@code packaging} library reads and orders it: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN]
 * [+local]} with its alternative spellings ({@code alpha}, {@code c}, {@code -1}, {@code _}, a leading {@code v});
 * ordered by epoch, release (trailing zeros ignored), then dev-only releases before prereleases before the release
 * before post releases, then local labels.
 */
public final class Pep440Version implements Version {
    /** The PEP 440 scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("pep440", Pep440Version::parseOrNull);

    private static final Pattern PATTERN = Pattern.compile("^\\s*v?(?:(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)"
            + "([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?"
            + "((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?"
            + "([-_.]?(dev)[-_.]?([0-9]+)?)?)(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private final BigInteger epoch;
    private final BigInteger[] release;
    private final int preKind;
    private final BigInteger pre;
    private final BigInteger post;
    private final BigInteger dev;
    private final String[] local;

    private Pep440Version(String text, BigInteger epoch, BigInteger[] release, int preKind, BigInteger pre,
            BigInteger post, BigInteger dev, String[] local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /** The parsed version, or null where {@code packaging.version.Version} raises InvalidVersion. */
    public static Pep440Version parseOrNull(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        BigInteger epoch = m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1));
        String[] parts = m.group(2).split("\\.");
        BigInteger[] release = new BigInteger[parts.length];
        for (int i = 0; i < parts.length; i++) {
            release[i] = new BigInteger(parts[i]);
        }
        int preKind = 0;
        BigInteger pre = null;
        if (m.group(4) != null) {
            String l = m.group(4).toLowerCase(Locale.ROOT);
            preKind = switch (l) {
                case "a", "alpha" -> 1;
                case "b", "beta" -> 2;
                default -> 3;
            };
            pre = number(m.group(5));
        }
        BigInteger post = null;
        if (m.group(7) != null) {
            post = new BigInteger(m.group(7));
        } else if (m.group(8) != null) {
            post = number(m.group(9));
        }
        BigInteger dev = m.group(11) != null ? number(m.group(12)) : null;
        String[] local = m.group(13) == null ? null : m.group(13).toLowerCase(Locale.ROOT).split("[-_.]");
        return new Pep440Version(text, epoch, release, preKind, pre, post, dev, local);
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    @Override
    public String text() {
        return text;
    }

    /** A dev or pre release. */
    public boolean isPrerelease() {
        return dev != null || pre != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    /** Whether it has a pre, post or dev part. */
    public boolean hasSuffix() {
        return pre != null || post != null || dev != null;
    }

    /** The number of release components ({@code 1.2.3} has 3). */
    public int releaseLength() {
        return release.length;
    }

    public boolean hasLocal() {
        return local != null;
    }

    /** This version without its local label. */
    public Pep440Version publicVersion() {
        return local == null ? this : new Pep440Version(text, epoch, release, preKind, pre, post, dev, null);
    }

    /** Epoch and release only. */
    public Pep440Version baseVersion() {
        return new Pep440Version(text, epoch, release, 0, null, null, null, null);
    }

    /** The normalized form, as {@code str(Version(text))} prints it. */
    public String normalized() {
        StringBuilder b = new StringBuilder();
        if (epoch.signum() != 0) {
            b.append(epoch).append('!');
        }
        List<String> r = new ArrayList<>();
        for (BigInteger n : release) {
            r.add(n.toString());
        }
        b.append(String.join(".", r));
        if (pre != null) {
            b.append(preKind == 1 ? "a" : preKind == 2 ? "b" : "rc").append(pre);
        }
        if (post != null) {
            b.append(".post").append(post);
        }
        if (dev != null) {
            b.append(".dev").append(dev);
        }
        if (local != null) {
            b.append('+').append(String.join(".", local));
        }
        return b.toString();
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof Pep440Version o)) {
            throw Version.mismatch(this, other);
        }
        int c = epoch.compareTo(o.epoch);
        if (c != 0) {
            return c;
        }
        int n = Math.max(release.length, o.release.length);
        for (int i = 0; i < n; i++) {
            BigInteger a = i < release.length ? release[i] : BigInteger.ZERO;
            BigInteger b = i < o.release.length ? o.release[i] : BigInteger.ZERO;
            c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c == 0 && pre != null) {
            c = pre.compareTo(o.pre);
        }
        if (c != 0) {
            return c;
        }
        c = compareOptional(post, o.post, -1);
        if (c != 0) {
            return c;
        }
        c = compareOptional(dev, o.dev, 1);
        return c != 0 ? c : compareLocal(local, o.local);
    }

    /** dev-only releases (no pre, no post) sort first, then a/b/rc, then plain releases. */
    private int preRank() {
        if (pre == null && post == null && dev != null) {
            return -1;
        }
        return pre == null ? 4 : preKind;
    }

    /** Compares optional numbers where a missing one sorts as {@code missing} (-1 lowest, 1 highest). */
    private static int compareOptional(BigInteger a, BigInteger b, int missing) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? missing : -missing);
        }
        return a.compareTo(b);
    }

    private static int compareLocal(String[] a, String[] b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            boolean an = a[i].chars().allMatch(Character::isDigit);
            boolean bn = b[i].chars().allMatch(Character::isDigit);
            int c;
            if (an && bn) {
                c = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
            } else if (an != bn) {
                c = an ? 1 : -1;
            } else {
                c = a[i].compareTo(b[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return epoch.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
