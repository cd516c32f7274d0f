package dev.bulwark.engine.config.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: the plain data that built-in checks read and that policies see as their input.
 *
 * @param path the file as the user named it (relative where possible)
 * @param directives the parser directives at the top ({@code syntax}, {@code escape}, ...), keys lower case
 * @param escape the escape character, {@code \} or {@code `}
 * @param globalArgs the ARG instructions before the first FROM, which only FROM lines can use
 * @param stages the build stages in order; the last one is the image the file produces
 */
public record Dockerfile(String path, Map<String, String> directives, char escape, List<Instruction> globalArgs,
        List<Stage> stages) {

    public Dockerfile {
        Objects.requireNonNull(path, "path");
        directives = Map.copyOf(directives);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    /** The stage that produces the image, or empty for a file without FROM. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }
}
