package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the bulwark command: builds the command tree and maps errors to one line and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line with the given standard output and error; returns the exit code. Used by tests too. */
    public static int run(String[] args, OutputStream stdout, OutputStream stderr) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        try {
            return commandLine(stdout, out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(OutputStream stdout, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BulwarkCommand(stdout));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("bulwark: " + ex.getMessage());
            err.println("Run 'bulwark " + commandPath(ex.getCommandLine()) + " --help' for usage.");
            return ErrorKind.USAGE.exitCode();
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.matchedOptionValue("--debug", false)
                    || (parseResult.subcommand() != null
                            && parseResult.subcommand().matchedOptionValue("--debug", false))
                    || debugDeep(parseResult);
            if (ex instanceof BulwarkException be) {
                err.println("bulwark: " + oneLine(be.getMessage()));
                if (debug) {
                    be.printStackTrace(err);
                }
                return be.kind().exitCode();
            }
            err.println("bulwark: internal error: " + oneLine(String.valueOf(ex)) + " (rerun with --debug and"
                    + " report it)");
            if (debug) {
                ex.printStackTrace(err);
            }
            return ErrorKind.INTERNAL.exitCode();
        });
        return cli;
    }

    private static boolean debugDeep(CommandLine.ParseResult result) {
        CommandLine.ParseResult r = result;
        while (r != null) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        CommandLine c = cl;
        while (c != null && c.getParent() != null) {
            sb.insert(0, c.getCommandName() + (sb.length() == 0 ? "" : " "));
            c = c.getParent();
        }
        return sb.toString().trim();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
