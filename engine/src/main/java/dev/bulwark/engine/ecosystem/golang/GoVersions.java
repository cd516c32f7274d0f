package dev.bulwark.engine.ecosystem.golang;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go toolchain versions as module-style semantic versions, so {@code stdlib} compares like any module. */
final class GoVersions {
    private static final Pattern RELEASE = Pattern.compile("go(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?");

    private GoVersions() {
    }

    /**
     * {@code go1.19.8} as {@code v1.19.8}, {@code go1.21rc2} as {@code v1.21.0-rc.2}, {@code go1.20} as
     * {@code v1.20.0}; a suffix after a space ({@code go1.21.0 X:boringcrypto}) is dropped. Development builds and
     * anything else are kept as they are.
     */
    static String toolchain(String raw) {
        String v = raw.strip();
        int space = v.indexOf(' ');
        String head = space < 0 ? v : v.substring(0, space);
        Matcher m = RELEASE.matcher(head);
        if (!m.matches()) {
            return v;
        }
        String patch = m.group(3) == null ? "0" : m.group(3);
        String pre = m.group(4) == null ? "" : "-" + m.group(4) + "." + m.group(5);
        return "v" + m.group(1) + "." + m.group(2) + "." + patch + pre;
    }
}
