package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the bulwark command: picks the subcommand, parses its arguments and maps errors to one line on
 * standard error and an exit code. The parser is Bulwark's own, small and reflection-free, so the command starts
 * fast and every class it loads fits the JVM's startup cache.
 */
public final class Main {
    private static final List<Command> COMMANDS = List.of(new ImageCommand(), new FsCommand(),
            new SbomCommand(), new ConfigCommand(), new CacheCommand(), new DbUpdateCommand(), new DbImportCommand(), new DbStatusCommand(),
            new DbPushCommand(), new TrainCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.in));
    }

    /** Runs one command line with the given streams; returns the exit code. Used by tests too. */
    public static int run(String[] args, OutputStream stdout, OutputStream stderr) {
        return run(args, stdout, stderr, InputStream.nullInputStream());
    }

    public static int run(String[] args, OutputStream stdout, OutputStream stderr, InputStream stdin) {
        PrintWriter text = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        Io io = new Io(stdout, text, err, stdin);
        List<String> list = Arrays.asList(args);
        boolean debug = list.contains("--debug");
        try {
            return dispatch(list, io);
        } catch (BulwarkException e) {
            err.println("bulwark: " + oneLine(e.getMessage()));
            if (debug) {
                e.printStackTrace(err);
            }
            return e.kind().exitCode();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            err.println("bulwark: internal error: " + oneLine(String.valueOf(e)) + " (rerun with --debug and report"
                    + " it)");
            if (debug) {
                e.printStackTrace(err);
            }
            return ErrorKind.INTERNAL.exitCode();
        } finally {
            text.flush();
            err.flush();
        }
    }

    private static int dispatch(List<String> args, Io io) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")
                || args.get(0).equals("help")) {
            io.text().print(usage());
            return 0;
        }
        if (args.get(0).equals("version") || args.get(0).equals("--version") || args.get(0).equals("-V")) {
            io.text().println("bulwark " + version() + " (Java " + Runtime.version() + ")");
            return 0;
        }
        for (Command c : COMMANDS) {
            String[] words = c.def().path().split(" ");
            if (args.size() >= words.length && args.subList(0, words.length).equals(List.of(words))) {
                ParsedArgs parsed = ParsedArgs.parse(c.def(), args.subList(words.length, args.size()));
                if (parsed.help()) {
                    io.text().print(c.def().help());
                    return 0;
                }
                return c.run(parsed, io);
            }
        }
        if (args.get(0).equals("db")) {
            io.text().print("Usage: bulwark db update|import|status|push ...\n\nManage the advisory database;"
                    + " 'bulwark db COMMAND --help' for each.\n");
            return args.size() == 1 ? 0 : ErrorKind.USAGE.exitCode();
        }
        if (args.get(0).equals("cache")) {
            io.text().print("Usage: bulwark cache clean [--cache-dir DIR]\n\nManage the layer cache.\n");
            return args.size() == 1 ? 0 : ErrorKind.USAGE.exitCode();
        }
        throw new BulwarkException(ErrorKind.USAGE, "unknown command '" + args.get(0) + "'; see 'bulwark --help'");
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("Usage: bulwark COMMAND [OPTIONS]\n\n"
                + "Container security: inventories of images and root filesystems.\n\nCommands:\n");
        for (Command c : COMMANDS) {
            if (!c.def().path().equals("train")) {
                sb.append(String.format("  %-12s %s%n", c.def().path(), c.def().summary()));
            }
        }
        sb.append(String.format("  %-12s %s%n", "version", "Print the version."));
        sb.append("\nRun 'bulwark COMMAND --help' for a command's options.\n\n"
                + "Exit codes: 0 ok, 2 usage, 3 not found, 4 invalid or hostile input, 5 registry or engine error,\n"
                + "6 authentication, 7 local I/O, 70 internal error. See docs/cli.md.\n");
        return sb.toString();
    }

    /** The version from the jar manifest, or {@code dev} when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
