package dev.bulwark.engine.policy.cel;

/**
 * A CEL error raised during evaluation. Ordinary errors are absorbed by {@code &&}, {@code ||} and the quantifier
 * macros when the other side decides; limit errors never are.
 */
final class EvalError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean limit;
    private int pos = -1;

    EvalError(String message) {
        this(message, false);
    }

    EvalError(String message, boolean limit) {
        super(message, null, false, false);
        this.limit = limit;
    }

    boolean limit() {
        return limit;
    }

    /** The source offset of the innermost expression that failed, or -1 until the interpreter sets it. */
    int pos() {
        return pos;
    }

    EvalError at(int offset) {
        if (pos < 0) {
            pos = offset;
        }
        return this;
    }

    static EvalError noOverload(String function, Object... args) {
        StringBuilder types = new StringBuilder();
        for (Object a : args) {
            types.append(types.length() == 0 ? "" : ", ").append(Values.typeName(a));
        }
        return new EvalError("no such overload: " + function + "(" + types + ")");
    }
}
