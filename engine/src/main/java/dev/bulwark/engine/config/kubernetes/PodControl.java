package dev.bulwark.engine.config.kubernetes;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A check over one pod spec. The Pod Security Standards controls carry the level they belong to; other pod checks
 * carry none (null) and do not decide the level.
 */
record PodControl(CheckDescription description, PodSecurityLevel level,
        BiConsumer<PodSpecView, List<Violation>> rule) {

    List<Violation> evaluate(PodSpecView pod) {
        List<Violation> out = new java.util.ArrayList<>();
        rule.accept(pod, out);
        return out;
    }
}
