package dev.bulwark.cli;

import java.io.IOException;

/** One subcommand: what it accepts and what it does. */
interface Command {
    CommandDef def();

    /** Runs with parsed arguments; returns the exit code. Errors users cause are BulwarkExceptions. */
    int run(ParsedArgs args, Io io) throws IOException;
}
