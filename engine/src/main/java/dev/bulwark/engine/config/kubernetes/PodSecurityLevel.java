package dev.bulwark.engine.config.kubernetes;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Pod Security Standards levels, from the most open: a pod spec satisfies {@code RESTRICTED} when it breaks no
 * control of the baseline and restricted profiles, {@code BASELINE} when it breaks only restricted ones, else
 * {@code PRIVILEGED}. The same answer an admission controller enforcing the standards would give.
 */
public enum PodSecurityLevel {
    PRIVILEGED, BASELINE, RESTRICTED;

    /** The strictest level {@code pod} satisfies. */
    public static PodSecurityLevel of(PodSpecView pod) {
        if (BaselineControls.ALL.stream().anyMatch(c -> !c.evaluate(pod).isEmpty())) {
            return PRIVILEGED;
        }
        if (RestrictedControls.ALL.stream().anyMatch(c -> !c.evaluate(pod).isEmpty())) {
            return BASELINE;
        }
        return RESTRICTED;
    }

    /** The controls of the Pod Security Standards, baseline first. */
    static List<PodControl> controls() {
        return Stream.concat(BaselineControls.ALL.stream(), RestrictedControls.ALL.stream()).toList();
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
