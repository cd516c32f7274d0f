package dev.bulwark.engine.config.dockerfile;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The shell script a RUN instruction runs, whether written in shell form, exec form or as a heredoc. */
final class RunScript {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
    private static final Pattern HEREDOC_WORD = Pattern.compile("<<-?['\"]?[A-Za-z0-9_.\\-]+['\"]?");

    private RunScript() {
    }

    /** The script text; heredoc bodies count when the command itself is a shell or empty. */
    static String of(Instruction run) {
        List<String> args = run.args();
        if (run.execForm()) {
            if (args.size() >= 3 && SHELLS.contains(base(args.get(0))) && args.get(1).equals("-c")) {
                return args.get(2);
            }
            return String.join(" ", args);
        }
        String command = args.isEmpty() ? "" : args.get(0);
        if (run.heredocs().isEmpty()) {
            return command;
        }
        String rest = HEREDOC_WORD.matcher(command).replaceAll(" ").strip();
        String first = rest.isEmpty() ? "" : base(rest.split("\\s+")[0]);
        StringBuilder script = new StringBuilder(command);
        if (rest.isEmpty() || SHELLS.contains(first)) {
            for (Heredoc h : run.heredocs()) {
                script.append('\n').append(h.body());
            }
        }
        return script.toString();
    }

    static List<ShellCommand> commands(Instruction run) {
        return ShellCommand.split(of(run));
    }

    private static String base(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
