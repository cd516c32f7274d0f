package dev.bulwark.engine.advisory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A CISA Known Exploited Vulnerabilities catalog entry.
 *
 * @param knownRansomwareUse CISA's {@code knownRansomwareCampaignUse} ({@code Known} or {@code Unknown})
 * @param dueDate may be null
 */
public record KevEntry(String cveId, String vendorProject, String product, String name, LocalDate dateAdded,
        LocalDate dueDate, String knownRansomwareUse, String shortDescription) {
    public KevEntry {
        if (!Advisory.isValidId(cveId) || !cveId.startsWith("CVE-")) {
            throw new IllegalArgumentException("invalid CVE id '" + Advisory.abbreviate(cveId) + "'");
        }
        vendorProject = Text.optional(vendorProject, "vendorProject", 512);
        product = Text.optional(product, "product", 512);
        name = Text.optional(name, "vulnerabilityName", 1024);
        Objects.requireNonNull(dateAdded, "dateAdded");
        knownRansomwareUse = Text.optional(knownRansomwareUse, "knownRansomwareCampaignUse", 64);
        if (shortDescription != null && shortDescription.length() > 8192) {
            throw new IllegalArgumentException("shortDescription longer than 8192 characters");
        }
    }
}
