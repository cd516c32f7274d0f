package dev.bulwark.engine.policy;

import java.util.List;

/** The gate's verdict on one run: pass, or fail with the exit code and every reason. */
public sealed interface Decision {

    int exitCode();

    /** Nothing that the options count is left. */
    record Pass() implements Decision {
        @Override
        public int exitCode() {
            return 0;
        }
    }

    /**
     * The run fails: findings remained under {@code --exit-code N}, or a deny rule was violated (or could not be
     * evaluated: deny rules fail closed).
     */
    record Fail(int exitCode, List<String> reasons) implements Decision {
        public Fail {
            if (exitCode == 0) {
                throw new IllegalArgumentException("a failing decision has a non-zero exit code");
            }
            reasons = List.copyOf(reasons);
        }
    }
}
