package dev.bulwark.cli;

import picocli.CommandLine.Command;

/** The top-level {@code bulwark} command; the work is in its subcommands. */
@Command(name = "bulwark", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Container security: inventories of images and root filesystems.",
        subcommands = {ImageCommand.class, FsCommand.class, CacheCommand.class, VersionCommand.class,
            TrainCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 not found, 4 invalid or hostile input, 5 registry or engine"
                + " error, 6 authentication, 7 local I/O, 70 internal error. See docs/cli.md."})
final class BulwarkCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where reports go when there is no --output: bytes, not characters, so formats control their encoding. */
    final java.io.OutputStream stdout;

    BulwarkCommand(java.io.OutputStream stdout) {
        this.stdout = stdout;
    }

    /** The byte stream for reports, from any subcommand's spec. */
    static java.io.OutputStream stdout(picocli.CommandLine.Model.CommandSpec spec) {
        return ((BulwarkCommand) spec.root().userObject()).stdout;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
