package dev.bulwark.engine.finding;

import dev.bulwark.engine.inventory.Inventory;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run found about a target: its inventory and the findings against it. Report writers turn this into
 * documents; the policy step decides on it.
 *
 * @param scanners which scanners ran ({@code vuln}, {@code secret}, {@code misconfig}); a report can say "no secrets
 *     found" only when the secret scanner ran
 * @param database the advisory database the vulnerabilities were matched against, or null when none was used
 */
public record Assessment(Inventory inventory, List<Finding> findings, List<String> scanners, DatabaseInfo database) {

    public Assessment {
        Objects.requireNonNull(inventory, "inventory");
        findings = findings == null ? List.of() : List.copyOf(findings);
        scanners = scanners == null ? List.of() : List.copyOf(scanners);
    }

    /** An inventory alone: nothing was matched or checked. */
    public static Assessment inventoryOnly(Inventory inventory) {
        return new Assessment(inventory, List.of(), List.of(), null);
    }

    public <T extends Finding> List<T> findings(Class<T> kind) {
        return findings.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * Which advisory data was used.
     *
     * @param builtAt when the database was built (ISO-8601)
     * @param schemaVersion the database format version
     */
    public record DatabaseInfo(String builtAt, int schemaVersion, long advisories) {
    }
}
