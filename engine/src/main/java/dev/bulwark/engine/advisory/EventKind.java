package dev.bulwark.engine.advisory;

/** The kinds of OSV range event. */
public enum EventKind {
    INTRODUCED, FIXED, LAST_AFFECTED, LIMIT
}
