package dev.bulwark.engine.config.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction as the builder sees it.
 *
 * @param keyword the instruction in upper case ({@code RUN}, {@code COPY}, ...)
 * @param flags the leading {@code --name[=value]} flags, values expanded where the builder expands them
 * @param args the arguments: for JSON (exec) form the array elements; for RUN, CMD, ENTRYPOINT and SHELL in shell
 *     form the command line as one element, unexpanded (the shell expands it at run time); for every other
 *     instruction the words after variable expansion and quote removal ({@code ENV} and {@code LABEL}: {@code
 *     key=value} per pair)
 * @param execForm true when the arguments were written as a JSON array
 * @param text the source text after the keyword, continuations joined, comments removed, unexpanded
 * @param heredocs the here-documents the instruction reads, in order
 * @param startLine the first source line, 1-based
 * @param endLine the last source line, including continuation lines and heredoc bodies
 * @param trigger for {@code ONBUILD}, the instruction it registers; otherwise null
 */
public record Instruction(String keyword, List<Flag> flags, List<String> args, boolean execForm, String text,
        List<Heredoc> heredocs, int startLine, int endLine, Instruction trigger) {

    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
        Objects.requireNonNull(text, "text");
    }

    /** Whether this is the instruction {@code name}, in any case. */
    public boolean is(String name) {
        return keyword.equals(name.toUpperCase(Locale.ROOT));
    }

    /** The value of the last flag called {@code name} ({@code ""} for a flag without value), or empty. */
    public Optional<String> flag(String name) {
        String found = null;
        for (Flag f : flags) {
            if (f.name().equals(name)) {
                found = f.value() == null ? "" : f.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The instruction as written on its first line, shortened for messages: {@code RUN apt-get install ...}. */
    public String summary() {
        String head = text.strip();
        head = head.substring(0, Math.min(head.length(), 200));
        String one = (keyword + " " + head).replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
