package dev.bulwark.engine.advisory.imports;

/** The advisory feed formats Bulwark imports. */
public enum FeedFormat {
    OSV_DIRECTORY, OSV_ZIP, OSV_FILE, DEBIAN_TRACKER, ALPINE_SECDB, KEV, EPSS
}
