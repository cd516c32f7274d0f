package dev.bulwark.engine.version;

import java.io.Serial;

/**
 * A version text the scheme does not accept. Checked on purpose: matching must skip such versions with a counted
 * warning rather than fail a scan.
 */
public final class InvalidVersionException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;
    private final String scheme;
    private final String text;

    public InvalidVersionException(String scheme, String text) {
        super("invalid " + scheme + " version: '" + abbreviate(text) + "'");
        this.scheme = scheme;
        this.text = text;
    }

    public String scheme() {
        return scheme;
    }

    public String text() {
        return text;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
    }
}
