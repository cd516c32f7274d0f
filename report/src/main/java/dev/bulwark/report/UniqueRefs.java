package dev.bulwark.report;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out identifiers that are unique within one document (CycloneDX bom-refs, SPDX ids): the same package can be
 * installed twice (two database files, two architectures), so a second use of a name gets a numbered suffix. Not
 * thread-safe; one instance per document.
 */
public final class UniqueRefs {
    private final Set<String> used = new HashSet<>();

    /** {@code candidate}, or {@code candidate-2}, {@code candidate-3}... whichever is still free. */
    public String claim(String candidate) {
        if (used.add(candidate)) {
            return candidate;
        }
        for (int n = 2;; n++) {
            String next = candidate + "-" + n;
            if (used.add(next)) {
                return next;
            }
        }
    }
}
