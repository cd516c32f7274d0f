package dev.bulwark.engine.advisory.cvss;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;

/**
 * A CVSS vector string that is not valid for its version: the only exception {@link CvssVector#parse} throws, always
 * of kind {@link ErrorKind#INVALID_INPUT}, with a one-line message quoting (a printable, bounded form of) the input.
 */
public final class CvssParseException extends BulwarkException {
    private static final long serialVersionUID = 1L;
    private static final int QUOTE_LIMIT = 120;
    private final String reason;

    CvssParseException(String vector, String reason) {
        super(ErrorKind.INVALID_INPUT, "invalid CVSS vector " + quote(vector) + ": " + reason);
        this.reason = reason;
    }

    /** What is wrong with the vector, without the vector itself (e.g. {@code unknown metric 'XX'}). */
    public String reason() {
        return reason;
    }

    /** The input as one printable line, cut short so a hostile vector cannot flood a log. */
    static String quote(String text) {
        if (text == null) {
            return "(null)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), QUOTE_LIMIT) + 8).append('\'');
        int end = Math.min(text.length(), QUOTE_LIMIT);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (text.length() > QUOTE_LIMIT) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
