package dev.bulwark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bulwark version}. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(new Version().getVersion()[0]);
    }
}
