package dev.bulwark.engine.version;

import java.util.Optional;
import java.util.function.Function;

/** A {@link VersionScheme} backed by a null-returning parser. */
record ParserScheme(String name, Function<String, ? extends Version> parser) implements VersionScheme {
    /** Longer texts are not versions of any ecosystem; refusing them bounds the work per comparison. */
    static final int MAX_LENGTH = 1024;

    @Override
    public Optional<Version> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parser.apply(text));
        } catch (RuntimeException e) {
            // A parser bug on hostile text must cost one skipped version, not a scan.
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
