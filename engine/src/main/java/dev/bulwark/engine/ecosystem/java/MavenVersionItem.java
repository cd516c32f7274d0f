package dev.bulwark.engine.ecosystem.java;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** One element of a parsed Maven version: a number, a qualifier or a sub-list. */
sealed interface MavenVersionItem {
    List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

    /** Orders this item against another, or against nothing ({@code other == null}, a missing trailing item). */
    int compareTo(MavenVersionItem other);

    /** Whether the item equals "nothing" and is dropped from the end of its list (0, release qualifier, empty). */
    boolean isNull();

    /** A number; values past a long are kept exactly. */
    record Number(BigInteger value) implements MavenVersionItem {
        static final Number ZERO = new Number(BigInteger.ZERO);

        @Override
        public int compareTo(MavenVersionItem other) {
            if (other == null) {
                return value.signum() == 0 ? 0 : 1;
            }
            return other instanceof Number n ? value.compareTo(n.value) : 1;
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }
    }

    /** A qualifier, aliases resolved; known qualifiers rank in {@link #QUALIFIERS} order, unknown ones after. */
    record Qualifier(String value, String rank) implements MavenVersionItem {
        static Qualifier of(String raw, boolean followedByDigit) {
            String v = raw;
            if (followedByDigit && v.length() == 1) {
                v = switch (v.charAt(0)) {
                    case 'a' -> "alpha";
                    case 'b' -> "beta";
                    case 'm' -> "milestone";
                    default -> v;
                };
            }
            v = switch (v) {
                case "ga", "final", "release" -> "";
                case "cr" -> "rc";
                default -> v;
            };
            int i = QUALIFIERS.indexOf(v);
            return new Qualifier(v, i < 0 ? QUALIFIERS.size() + "-" + v : String.valueOf(i));
        }

        private static final String RELEASE_RANK = String.valueOf(QUALIFIERS.indexOf(""));

        @Override
        public int compareTo(MavenVersionItem other) {
            if (other == null) {
                return rank.compareTo(RELEASE_RANK);
            }
            return switch (other) {
                case Number n -> -1;
                case Qualifier q -> rank.compareTo(q.rank);
                case Sub s -> -1;
            };
        }

        @Override
        public boolean isNull() {
            return rank.equals(RELEASE_RANK);
        }
    }

    /** A list of items, begun by {@code -} or by a switch between letters and digits. */
    final class Sub implements MavenVersionItem {
        final List<MavenVersionItem> items = new ArrayList<>();

        @Override
        public int compareTo(MavenVersionItem other) {
            if (other == null) {
                for (MavenVersionItem i : items) {
                    int r = i.compareTo(null);
                    if (r != 0) {
                        return r;
                    }
                }
                return 0;
            }
            return switch (other) {
                case Number n -> -1;
                case Qualifier q -> 1;
                case Sub s -> compareLists(s);
            };
        }

        private int compareLists(Sub s) {
            int n = Math.max(items.size(), s.items.size());
            for (int k = 0; k < n; k++) {
                MavenVersionItem l = k < items.size() ? items.get(k) : null;
                MavenVersionItem r = k < s.items.size() ? s.items.get(k) : null;
                int c = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                MavenVersionItem last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof Sub)) {
                    break;
                }
            }
        }
    }
}
