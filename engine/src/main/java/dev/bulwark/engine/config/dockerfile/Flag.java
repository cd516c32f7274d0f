package dev.bulwark.engine.config.dockerfile;

import java.util.Objects;

/**
 * One instruction flag such as {@code --from=build} or {@code --link}.
 *
 * @param name the flag name without the leading dashes, lower case
 * @param value the value after variable expansion, or null for a flag given without {@code =}
 */
public record Flag(String name, String value) {
    public Flag {
        Objects.requireNonNull(name, "name");
    }
}
