package dev.bulwark.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/** The streams a command works with: reports go to {@code out} as bytes; messages to {@code err}. */
record Io(OutputStream out, PrintWriter text, PrintWriter err, InputStream in) {
}
