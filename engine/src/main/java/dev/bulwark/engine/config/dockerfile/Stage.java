package dev.bulwark.engine.config.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: a FROM instruction and the instructions up to the next FROM.
 *
 * @param index the stage number, 0-based, as {@code COPY --from=0} counts
 * @param name the name given with {@code AS}, lower case, or null
 * @param from the FROM instruction
 * @param baseImage the base image after expansion with the ARGs declared before the first FROM
 * @param baseResolved false when the base image named a variable that has no value, so it is not known
 * @param baseStage the index of an earlier stage this stage builds on, or -1 when the base is an image
 * @param instructions the instructions after FROM, in order
 */
public record Stage(int index, String name, Instruction from, String baseImage, boolean baseResolved, int baseStage,
        List<Instruction> instructions) {

    public Stage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(baseImage, "baseImage");
        instructions = List.copyOf(instructions);
    }

    /** How findings name the stage: its name, else {@code stage N}. */
    public String label() {
        return name != null ? name : "stage " + index;
    }

    /** The instructions called {@code keyword}, in order. */
    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.is(keyword)).toList();
    }

    /** The last instruction called {@code keyword}, or empty. */
    public Optional<Instruction> last(String keyword) {
        List<Instruction> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** Whether the base is {@code scratch}, the empty image. */
    public boolean fromScratch() {
        return baseStage < 0 && baseImage.equalsIgnoreCase("scratch");
    }
}
