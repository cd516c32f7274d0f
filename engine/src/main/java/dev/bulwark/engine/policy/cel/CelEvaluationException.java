package dev.bulwark.engine.policy.cel;

/**
 * An evaluation that ended in a CEL error ({@code no such key}, {@code divide by zero}, {@code no such overload}) or
 * hit a limit ({@link #limitExceeded()}). The message names the 1-based line and column of the failing expression.
 */
public final class CelEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean limitExceeded;

    CelEvaluationException(String message, boolean limitExceeded) {
        super(message);
        this.limitExceeded = limitExceeded;
    }

    /** True when a cost, size or depth limit stopped the evaluation, not the data. */
    public boolean limitExceeded() {
        return limitExceeded;
    }
}
