package dev.bulwark.engine.scan;

import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.hardening.ImageNotables;
import dev.bulwark.engine.inventory.Inventory;
import java.util.List;

/**
 * What a scan found: the inventory and, when secret scanning was on, the secrets (in layer order, then path and
 * line; for images the configuration's findings come first). Each secret names its layer's diffID and whether a
 * later layer deletes the file.
 *
 * @param notables the image's notable files after the squash, for {@code HardeningChecks}: null unless the scan
 *     was an image scan with {@link ScanOptions#withHardening hardening} on
 */
public record ScanResult(Inventory inventory, List<SecretFinding> secrets, ImageNotables notables) {
    public ScanResult {
        secrets = List.copyOf(secrets);
    }

    public ScanResult(Inventory inventory, List<SecretFinding> secrets) {
        this(inventory, secrets, null);
    }
}
