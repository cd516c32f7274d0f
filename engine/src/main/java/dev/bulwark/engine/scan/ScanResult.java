package dev.bulwark.engine.scan;

import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Inventory;
import java.util.List;

/**
 * What a scan found: the inventory and, when secret scanning was on, the secrets (in layer order, then path and
 * line; for images the configuration's findings come first). Each secret names its layer's diffID and whether a
 * later layer deletes the file.
 */
public record ScanResult(Inventory inventory, List<SecretFinding> secrets) {
    public ScanResult {
        secrets = List.copyOf(secrets);
    }
}
