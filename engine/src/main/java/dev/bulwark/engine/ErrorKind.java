package dev.bulwark.engine;

/** The classes of user-facing failure, each with the process exit code documented in docs/cli.md. */
public enum ErrorKind {
    /** A flag or argument is wrong. */
    USAGE(2),
    /** The image, file or directory named does not exist. */
    NOT_FOUND(3),
    /** The image or a file in it is malformed, corrupt, hostile or over a safety limit. */
    INVALID_INPUT(4),
    /** A registry or engine could not be reached or answered with an error. */
    REMOTE(5),
    /** The registry refused the credentials, or none were found where some are needed. */
    AUTH(6),
    /** The cache directory or an output file could not be written. */
    LOCAL_IO(7),
    /** A bug in Bulwark: please report it. */
    INTERNAL(70);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
