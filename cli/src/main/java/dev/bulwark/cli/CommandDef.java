package dev.bulwark.cli;

import java.util.List;

/**
 * What a command accepts, for parsing and for its help text.
 *
 * @param path the words that name it ({@code cache clean})
 * @param positional the label of its positional argument ({@code REF}), or null when it takes none
 * @param positionalRequired whether the positional argument must be given
 * @param details extra help lines (examples, notes)
 */
record CommandDef(String path, String summary, List<Opt> options, String positional, boolean positionalRequired,
        String positionalHelp, List<String> details) {

    static final Opt HELP = Opt.flag("Show this help and exit.", "--help", "-h");

    CommandDef {
        options = List.copyOf(options);
        details = List.copyOf(details);
    }

    Opt find(String name) {
        if (HELP.names().contains(name)) {
            return HELP;
        }
        for (Opt o : options) {
            if (o.names().contains(name)) {
                return o;
            }
        }
        return null;
    }

    /** The help text: usage, summary, details, positional and options. */
    String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: bulwark ").append(path);
        if (!options.isEmpty()) {
            sb.append(" [OPTIONS]");
        }
        if (positional != null) {
            sb.append(positionalRequired ? " " + positional : " [" + positional + "]");
        }
        sb.append("\n\n").append(summary).append('\n');
        for (String d : details) {
            sb.append(d).append('\n');
        }
        if (positional != null) {
            sb.append('\n').append(String.format("  %-28s %s%n", positional, positionalHelp));
        }
        sb.append("\nOptions:\n");
        for (Opt o : options) {
            line(sb, o);
        }
        line(sb, HELP);
        return sb.toString();
    }

    private static void line(StringBuilder sb, Opt o) {
        String spelled = String.join(", ", o.names()) + (o.takesValue() ? " " + o.label() : "");
        if (spelled.length() > 28) {
            sb.append("  ").append(spelled).append('\n').append(" ".repeat(31)).append(o.help()).append('\n');
        } else {
            sb.append(String.format("  %-28s %s%n", spelled, o.help()));
        }
    }
}
