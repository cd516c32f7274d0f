package dev.bulwark.cli;

import java.util.List;

/**
 * One command-line option.
 *
 * @param names the spellings, long first ({@code --format}, {@code -f})
 * @param label the value's name in help ({@code FORMAT}), or null for a flag that takes no value
 * @param help one sentence for the help text
 * @param repeatable whether it may be given more than once (values accumulate)
 */
record Opt(List<String> names, String label, String help, boolean repeatable) {
    static Opt flag(String help, String... names) {
        return new Opt(List.of(names), null, help, false);
    }

    static Opt value(String label, String help, String... names) {
        return new Opt(List.of(names), label, help, false);
    }

    static Opt repeated(String label, String help, String... names) {
        return new Opt(List.of(names), label, help, true);
    }

    String primary() {
        return names.get(0);
    }

    boolean takesValue() {
        return label != null;
    }
}
