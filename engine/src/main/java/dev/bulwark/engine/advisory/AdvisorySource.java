package dev.bulwark.engine.advisory;

/** The feed an advisory was imported from. */
public enum AdvisorySource {
    OSV("osv"), DEBIAN_TRACKER("debian-tracker"), ALPINE_SECDB("alpine-secdb");

    private final String label;

    AdvisorySource(String label) {
        this.label = label;
    }

    /** The short name shown in {@code db status}. */
    public String label() {
        return label;
    }
}
