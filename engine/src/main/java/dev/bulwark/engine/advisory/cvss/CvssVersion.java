package dev.bulwark.engine.advisory.cvss;

/** The CVSS specification versions Bulwark parses and scores, with the prefix their vector strings carry. */
public enum CvssVersion {
    /** CVSS v2: vectors carry no prefix ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}). */
    V2_0(""),
    V3_0("CVSS:3.0/"),
    V3_1("CVSS:3.1/"),
    V4_0("CVSS:4.0/");

    private final String prefix;

    CvssVersion(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix a vector string of this version starts with, slash included; empty for v2. */
    public String prefix() {
        return prefix;
    }

    /** The version as the specification names it: {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}. */
    public String label() {
        return switch (this) {
            case V2_0 -> "2.0";
            case V3_0 -> "3.0";
            case V3_1 -> "3.1";
            case V4_0 -> "4.0";
        };
    }
}
