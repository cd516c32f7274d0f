package dev.bulwark.report.sarif;

import java.nio.charset.StandardCharsets;

/** Paths as SARIF's relative URI references: percent-encoded so that no path can read as a scheme or a query. */
final class SarifUris {
    private static final String HEX = "0123456789ABCDEF";

    private SarifUris() {
    }

    /** {@code usr/lib/a b.jar} → {@code usr/lib/a%20b.jar}; {@code config:Env} → {@code config%3AEnv}. */
    static String relative(String path) {
        String p = path == null || path.isEmpty() ? "." : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            p = ".";
        }
        StringBuilder out = new StringBuilder(p.length() + 8);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!+,=@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return out.toString();
    }
}
