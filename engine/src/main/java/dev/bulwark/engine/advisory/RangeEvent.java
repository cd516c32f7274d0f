package dev.bulwark.engine.advisory;

import java.util.Objects;

/** One event of a range: the version at which the package became affected, was fixed, was last affected, or a limit. */
public record RangeEvent(EventKind kind, String version) {
    static final int MAX_VERSION = 256;

    public RangeEvent {
        Objects.requireNonNull(kind, "kind");
        Text.require(version, "version", MAX_VERSION);
    }
}
