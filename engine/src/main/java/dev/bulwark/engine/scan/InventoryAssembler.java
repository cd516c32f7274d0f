package dev.bulwark.engine.scan;

import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.distro.DistroDetector;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageUrls;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.layer.CatalogerResult;
import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.FileEntry;
import dev.bulwark.engine.layer.LayerFacts;
import dev.bulwark.engine.tree.FileTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Joins per-layer facts into one inventory: squashes the layers, keeps each package only while the file it was read
 * from survives in the squashed view, attributes it to the lowest layer from which it was continuously present,
 * detects the distro and gives every package its purl.
 */
final class InventoryAssembler {
    private static final Set<String> OS_TYPES = Set.of("deb", "rpm", "apk");

    private InventoryAssembler() {
    }

    static Inventory assemble(Inventory.Target target, List<LayerInfo> layers, List<LayerFacts> facts,
            List<Cataloger> catalogers) {
        return assembleWithSecrets(target, layers, facts, catalogers, null);
    }

    /**
     * Assembles the inventory and, if {@code secrets} is not null, adds to it each layer's secret findings with
     * their layer and whether a later layer deletes the file.
     */
    static Inventory assembleWithSecrets(Inventory.Target target, List<LayerInfo> layers, List<LayerFacts> facts,
            List<Cataloger> catalogers, List<SecretFinding> secrets) {
        FileTree tree = new FileTree();
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            LayerFacts f = facts.get(i);
            List<FileEntry> entries = new ArrayList<>(f.index().structural());
            Set<String> seen = new HashSet<>();
            for (CatalogerResult r : f.catalogers().values()) {
                for (String p : r.parsedPaths()) {
                    if (seen.add(p)) {
                        entries.add(new FileEntry(p, EntryType.FILE, 0, 0, null));
                    }
                }
            }
            if (f.secrets() != null) {
                for (SecretFinding s : f.secrets().findings()) {
                    if (seen.add(s.location().path())) {
                        entries.add(new FileEntry(s.location().path(), EntryType.FILE, 0, 0, null));
                    }
                }
            }
            tree.apply(i, entries);
            warnings.addAll(f.index().warnings());
        }
        if (secrets != null) {
            secrets(tree, layers, facts, secrets, warnings);
        }
        Distro distro = DistroDetector.detect(path -> content(tree, facts, path, warnings)).orElse(null);

        List<Package> packages = new ArrayList<>();
        Map<String, String> owned = new HashMap<>();
        for (LayerFacts f : facts) {
            f.catalogers().values().forEach(r -> owned.putAll(r.owned()));
        }
        for (Cataloger c : catalogers) {
            List<Package> found = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                CatalogerResult r = facts.get(i).catalogers().get(c.name());
                if (r == null) {
                    continue;
                }
                warnings.addAll(r.warnings());
                for (Package p : r.packages()) {
                    Optional<FileTree.Node> node = tree.get(fileOf(p.location()));
                    if (node.isPresent() && node.get().layer() == i) {
                        int introduced = introducedIn(facts, c.name(), p, i);
                        found.add(p.withLayer(layers.get(introduced).diffId()));
                    }
                }
            }
            packages.addAll(c.assemble(found));
        }
        List<Package> withPurls = new ArrayList<>(packages.size());
        for (Package p : packages) {
            Package q = p.withPurl(PackageUrls.of(p, distro));
            String owner = ownerOf(q, owned);
            withPurls.add(owner == null ? q : q.withOwnedBy(owner));
        }
        withPurls.sort(InventoryAssembler::order);
        return new Inventory(target, distro, layers, withPurls, warnings);
    }

    /**
     * The inventory's order: type, name, version, then architecture and location (a missing one as "null"). One
     * method rather than a chain of key-extracting comparators, which a fresh JVM runs interpreted at several calls
     * per comparison.
     */
    private static int order(Package a, Package b) {
        int c = a.type().compareTo(b.type());
        if (c == 0) {
            c = a.name().compareTo(b.name());
        }
        if (c == 0) {
            c = a.version().compareTo(b.version());
        }
        if (c == 0) {
            c = String.valueOf(a.architecture()).compareTo(String.valueOf(b.architecture()));
        }
        return c != 0 ? c : String.valueOf(a.location()).compareTo(String.valueOf(b.location()));
    }

    /**
     * A layer's secret is {@code deletedLater} when the squashed view no longer shows that layer's copy of the file
     * (a whiteout or opaque directory above removed it; a later layer writing the same path hides it too, as far as
     * the later layer's secret scan or catalogers recorded that path).
     */
    private static void secrets(FileTree tree, List<LayerInfo> layers, List<LayerFacts> facts,
            List<SecretFinding> out, List<Warning> warnings) {
        for (int i = 0; i < facts.size(); i++) {
            LayerFacts f = facts.get(i);
            if (f.secrets() == null) {
                continue;
            }
            warnings.addAll(f.secrets().warnings());
            String diffId = layers.get(i).diffId();
            for (SecretFinding s : f.secrets().findings()) {
                Optional<FileTree.Node> node = tree.get(s.location().path());
                boolean deleted = node.isEmpty() || node.get().layer() != i;
                out.add(new SecretFinding(s.ruleId(), s.title(), s.severity(), s.location().withLayer(diffId),
                        s.masked(), deleted));
            }
        }
    }

    /**
     * The OS package that installed the file a language package was read from (for a nested archive, the outermost
     * file), or null. OS packages are never owned.
     */
    private static String ownerOf(Package p, Map<String, String> owned) {
        if (owned.isEmpty() || p.location() == null || OS_TYPES.contains(p.type())) {
            return null;
        }
        return owned.get(fileOf(p.location()));
    }

    /** The file in the image a location names: {@code app.jar!/BOOT-INF/lib/x.jar} is inside {@code app.jar}. */
    private static String fileOf(String location) {
        int nested = location.indexOf("!/");
        return nested < 0 ? location : location.substring(0, nested);
    }

    /**
     * Walks down from the layer that holds the surviving copy of the package's file: every lower layer whose copy
     * of that file also lists the package moves the attribution down; the first lower copy without it stops.
     */
    private static int introducedIn(List<LayerFacts> facts, String cataloger, Package p, int owner) {
        int introduced = owner;
        String identity = p.identity();
        for (int j = owner - 1; j >= 0; j--) {
            CatalogerResult r = facts.get(j).catalogers().get(cataloger);
            if (r == null || !r.parsedPaths().contains(fileOf(p.location()))) {
                continue;
            }
            boolean present = false;
            for (Package q : r.packages()) {
                if (p.location().equals(q.location()) && identity.equals(q.identity())) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                break;
            }
            introduced = j;
        }
        return introduced;
    }

    private static Optional<byte[]> content(FileTree tree, List<LayerFacts> facts, String path,
            List<Warning> warnings) {
        Optional<FileTree.Resolution> resolved = tree.resolveDetailed(path);
        if (resolved.isEmpty()) {
            warnings.add(new Warning("tree.symlink-loop", path + ": symlink loop or too many links; not read"));
            return Optional.empty();
        }
        String target = resolved.get().path();
        if (resolved.get().escaped()) {
            warnings.add(new Warning("tree.symlink-escape", path + ": a symlink points above the image root; read as "
                    + target + " inside the image"));
        }
        return tree.get(target)
                .filter(n -> n.entry().type() == EntryType.FILE)
                .map(n -> facts.get(n.layer()).index().captured().get(target));
    }
}
