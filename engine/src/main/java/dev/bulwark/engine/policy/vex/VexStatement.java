package dev.bulwark.engine.policy.vex;

import java.util.List;
import java.util.Objects;

/**
 * One VEX statement about one vulnerability, normalised from OpenVEX or CycloneDX.
 *
 * @param vulnerability the vulnerability id (CVE, GHSA...)
 * @param aliases other ids of the same vulnerability
 * @param products purls or image digests ({@code sha256:...}) the statement is about
 * @param subcomponents purls inside those products the statement narrows to (empty: the products themselves)
 * @param status the normalised status
 * @param justification the machine-readable justification, or null
 * @param impactStatement the free-text explanation, or null
 * @param source the document it came from
 */
public record VexStatement(String vulnerability, List<String> aliases, List<String> products,
        List<String> subcomponents, Status status, String justification, String impactStatement, String source) {

    public VexStatement {
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(status, "status");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        products = products == null ? List.of() : List.copyOf(products);
        subcomponents = subcomponents == null ? List.of() : List.copyOf(subcomponents);
    }

    /** OpenVEX's statuses; CycloneDX's states map onto them (false_positive and not_affected: NOT_AFFECTED). */
    public enum Status {
        NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

        /** Whether a finding covered by such a statement is suppressed. */
        public boolean suppresses() {
            return this == NOT_AFFECTED || this == FIXED;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
