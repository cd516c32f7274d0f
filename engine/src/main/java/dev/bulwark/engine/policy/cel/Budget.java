package dev.bulwark.engine.policy.cel;

/** The steps one evaluation may still take; shared by the interpreter, the operators and the regex guard. */
final class Budget {
    private final CelLimits limits;
    private long spent;

    Budget(CelLimits limits) {
        this.limits = limits;
    }

    CelLimits limits() {
        return limits;
    }

    void spend(long steps) {
        spent += steps;
        if (spent > limits.maxCost()) {
            throw new EvalError("cost limit exceeded (" + limits.maxCost() + " steps)", true);
        }
    }

    void checkLength(long length) {
        if (length > limits.maxStringLength()) {
            throw new EvalError("string longer than " + limits.maxStringLength() + " characters", true);
        }
    }

    void checkSize(long size) {
        if (size > limits.maxListLength()) {
            throw new EvalError("list or map larger than " + limits.maxListLength() + " elements", true);
        }
    }
}
