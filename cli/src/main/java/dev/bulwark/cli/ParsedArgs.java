package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line parsed against a {@link CommandDef}: {@code --name value}, {@code --name=value}, {@code -n value},
 * flags, one positional argument, {@code --} to end options. Anything unknown is a USAGE error naming it.
 */
final class ParsedArgs {
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private boolean help;

    static ParsedArgs parse(CommandDef def, List<String> args) {
        ParsedArgs parsed = new ParsedArgs();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                parsed.positionals.add(arg);
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            Opt opt = def.find(name);
            if (opt == null) {
                throw usage(def, "unknown option '" + name + "'");
            }
            if (opt == CommandDef.HELP) {
                parsed.help = true;
                continue;
            }
            String value = null;
            if (opt.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw usage(def, "option '" + name + "' needs a value (" + opt.label() + ")");
                }
            } else if (inline != null) {
                throw usage(def, "option '" + name + "' takes no value");
            }
            List<String> list = parsed.values.computeIfAbsent(opt.primary(), k -> new ArrayList<>());
            if (!opt.repeatable() && !list.isEmpty()) {
                throw usage(def, "option '" + opt.primary() + "' given twice");
            }
            list.add(value == null ? "true" : value);
        }
        if (parsed.help) {
            return parsed;
        }
        if (def.positional() == null && !parsed.positionals.isEmpty()) {
            throw usage(def, "unexpected argument '" + parsed.positionals.get(0) + "'");
        }
        if (parsed.positionals.size() > 1 && !def.positional().endsWith("...")) {
            throw usage(def, "unexpected argument '" + parsed.positionals.get(1) + "' (only one " + def.positional()
                    + " is taken)");
        }
        if (def.positionalRequired() && parsed.positionals.isEmpty()) {
            throw usage(def, "missing " + def.positional());
        }
        return parsed;
    }

    static BulwarkException usage(CommandDef def, String problem) {
        return new BulwarkException(ErrorKind.USAGE, problem + "; see 'bulwark " + def.path() + " --help'");
    }

    boolean help() {
        return help;
    }

    boolean flag(String primary) {
        return values.containsKey(primary);
    }

    String value(String primary) {
        List<String> v = values.get(primary);
        return v == null ? null : v.get(0);
    }

    String value(String primary, String fallback) {
        String v = value(primary);
        return v == null ? fallback : v;
    }

    List<String> values(String primary) {
        return values.getOrDefault(primary, List.of());
    }

    String positional() {
        return positionals.isEmpty() ? null : positionals.get(0);
    }

    /** Every positional argument, for commands whose positional label ends in {@code ...}. */
    List<String> positionals() {
        return List.copyOf(positionals);
    }
}
