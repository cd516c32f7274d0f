package dev.bulwark.engine.policy.exception;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One exception: which findings it suppresses (every scope given must match; at least one is given), why, who owns
 * it, and until when.
 *
 * @param name the entry's position in its file ({@code exceptions.yaml#3}), for messages
 * @param id a finding id glob: CVE or advisory id (aliases match too), check id, secret rule id
 * @param pkg a package name glob, or a purl (a purl without version matches every version)
 * @param image an image reference glob, or a digest ({@code sha256:...})
 * @param path a glob over the finding's file path
 * @param namespace a glob over the Kubernetes namespace of the finding's resource
 * @param expires the last day the exception applies
 */
public record ExceptionEntry(String name, String id, String pkg, String image, String path, String namespace,
        String justification, String owner, LocalDate expires) {

    public ExceptionEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        if (id == null && pkg == null && image == null && path == null && namespace == null) {
            throw new IllegalArgumentException("no scope");
        }
    }

    /** Whether the exception still applies on {@code today}: through the whole expiry day. */
    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }
}
