package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.version.Version;
import dev.bulwark.engine.version.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A Maven version ordered as {@code ComparableVersion} of maven-artifact 3.9.6 orders it: any text is a version
 * (Maven never rejects one); {@code .} and {@code -} separate items, so does a switch between digits and letters;
 * qualifiers rank {@code alpha < beta < milestone < rc < snapshot < (release) < sp < unknown (lexically)};
 * trailing zeros and release qualifiers are dropped ({@code 1.0 == 1 == 1-ga}). Only the empty text is refused.
 */
public final class MavenVersion implements Version {
    /** The Maven scheme. */
    public static final VersionScheme SCHEME = VersionScheme.of("maven", MavenVersion::parseOrNull);

    private final String text;
    private final MavenVersionItem.Sub items;

    private MavenVersion(String text, MavenVersionItem.Sub items) {
        this.text = text;
        this.items = items;
    }

    /** The parsed version, or null for blank text. */
    public static MavenVersion parseOrNull(String text) {
        if (text.isBlank()) {
            return null;
        }
        return new MavenVersion(text, parse(text.toLowerCase(Locale.ENGLISH)));
    }

    private static MavenVersionItem.Sub parse(String v) {
        MavenVersionItem.Sub root = new MavenVersionItem.Sub();
        MavenVersionItem.Sub list = root;
        Deque<MavenVersionItem.Sub> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.' || c == '-') {
                list.items.add(i == start ? MavenVersionItem.Number.ZERO : item(isDigit, v.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    list = sub(list, stack);
                }
            } else if (Character.isDigit(c)) {
                if (!isDigit && i > start) {
                    // A qualifier right before a number ("RC1", ".x1") opens its own list, as "-RC-1" would.
                    if (!list.items.isEmpty()) {
                        list = sub(list, stack);
                    }
                    list.items.add(MavenVersionItem.Qualifier.of(v.substring(start, i), true));
                    start = i;
                    list = sub(list, stack);
                }
                isDigit = true;
            } else {
                if (isDigit && i > start) {
                    list.items.add(item(true, v.substring(start, i)));
                    start = i;
                    list = sub(list, stack);
                }
                isDigit = false;
            }
        }
        if (v.length() > start) {
            if (!isDigit && !list.items.isEmpty()) {
                list = sub(list, stack);
            }
            list.items.add(item(isDigit, v.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    private static MavenVersionItem.Sub sub(MavenVersionItem.Sub parent, Deque<MavenVersionItem.Sub> stack) {
        MavenVersionItem.Sub child = new MavenVersionItem.Sub();
        parent.items.add(child);
        stack.push(child);
        return child;
    }

    private static MavenVersionItem item(boolean digit, String buf) {
        return digit ? new MavenVersionItem.Number(number(buf)) : MavenVersionItem.Qualifier.of(buf, false);
    }

    private static BigInteger number(String digits) {
        StringBuilder ascii = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            ascii.append(Character.digit(digits.charAt(i), 10));
        }
        return new BigInteger(ascii.toString());
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof MavenVersion o)) {
            throw Version.mismatch(this, other);
        }
        return items.compareTo(o.items);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavenVersion v && compareTo(v) == 0;
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
