package dev.bulwark.engine.advisory;

/** The kinds of OSV {@code severity[].type}; CVSS vectors are kept as strings and scored elsewhere. */
public enum SeverityType {
    CVSS_V2, CVSS_V3, CVSS_V4,
    /** Ubuntu's priority word ({@code low}, {@code medium}, ...). */
    UBUNTU;

    /** The type for an OSV type name, or null when unknown. */
    public static SeverityType fromOsv(String name) {
        return switch (name) {
            case "CVSS_V2" -> CVSS_V2;
            case "CVSS_V3" -> CVSS_V3;
            case "CVSS_V4" -> CVSS_V4;
            case "Ubuntu" -> UBUNTU;
            default -> null;
        };
    }
}
