package dev.bulwark.engine.policy.cel;

/**
 * An expression that cannot be compiled: a syntax error, an unsupported construct or a limit exceeded. The message
 * names the 1-based line and column.
 */
public final class CelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String reason;

    CelException(String reason, int line, int column) {
        super(line + ":" + column + ": " + reason);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    static CelException at(String source, int offset, String reason) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new CelException(reason, line, column);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem without its position. */
    public String reason() {
        return reason;
    }
}
