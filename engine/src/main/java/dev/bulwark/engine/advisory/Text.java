package dev.bulwark.engine.advisory;

/** Checks shared by the model's compact constructors: present, bounded, and free of control characters. */
final class Text {
    private Text() {
    }

    static String require(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return bounded(value, what, max);
    }

    static String optional(String value, String what, int max) {
        return value == null ? null : bounded(value, what, max);
    }

    private static String bounded(String value, String what, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
        return value;
    }
}
