package dev.bulwark.engine.advisory.osv;

/** A record or part of one that must be skipped, with the warning code to count it under. */
final class InvalidRecord extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    InvalidRecord(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
