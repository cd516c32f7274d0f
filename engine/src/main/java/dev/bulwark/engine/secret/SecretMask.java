package dev.bulwark.engine.secret;

/**
 * The only form in which a secret leaves the scanner: up to four leading characters (fewer for short secrets, a
 * quarter of the length at most) and the rest as {@code *}, capped so a long key does not fill a report.
 */
public final class SecretMask {
    private static final int MAX_STARS = 32;

    private SecretMask() {
    }

    public static String mask(CharSequence secret) {
        int len = secret.length();
        int keep = Math.min(4, len / 4);
        StringBuilder out = new StringBuilder(keep + Math.min(MAX_STARS, len - keep));
        for (int i = 0; i < keep; i++) {
            char c = secret.charAt(i);
            out.append(c < 0x20 || c > 0x7e ? '*' : c);
        }
        out.append("*".repeat(Math.max(1, Math.min(MAX_STARS, len - keep))));
        return out.toString();
    }
}
