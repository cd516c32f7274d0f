package dev.bulwark.engine.hardening;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks on the files of the final image: one finding per setuid, setgid or world-writable path (up to a limit,
 * then one that counts the rest), and one per tool category listing its files, the OS packages that bring them and
 * the bytes they add.
 */
final class FileChecks {
    /** Findings per mode check before the rest are counted in one: a hostile image must not flood a report. */
    static final int MAX_PER_CHECK = 100;
    /** Files named in one category finding. */
    static final int MAX_LISTED = 25;
    private static final Set<String> OS_TYPES = Set.of("deb", "rpm", "apk");
    /** OS packages whose names are not the tool they bring. */
    private static final Map<String, NotableKind> PACKAGE_ALIASES = Map.ofEntries(
            Map.entry("build-essential", NotableKind.COMPILER), Map.entry("binutils", NotableKind.COMPILER),
            Map.entry("golang-go", NotableKind.COMPILER), Map.entry("python3-pip", NotableKind.PACKAGE_MANAGER),
            Map.entry("py3-pip", NotableKind.PACKAGE_MANAGER), Map.entry("openssh-client", NotableKind.DEBUG_TOOL),
            Map.entry("openssh-clients", NotableKind.DEBUG_TOOL), Map.entry("openssh-server", NotableKind.DEBUG_TOOL),
            Map.entry("netcat-openbsd", NotableKind.DEBUG_TOOL), Map.entry("netcat-traditional", NotableKind.DEBUG_TOOL),
            Map.entry("nmap-ncat", NotableKind.DEBUG_TOOL), Map.entry("vim-tiny", NotableKind.DEBUG_TOOL),
            Map.entry("iputils-ping", NotableKind.DEBUG_TOOL));

    private FileChecks() {
    }

    static void run(ImageNotables notables, Inventory inventory, List<Misconfiguration> out) {
        perFile(notables, NotableKind.SETUID, HardeningCheck.SETUID_FILE, "is setuid", out);
        perFile(notables, NotableKind.SETGID, HardeningCheck.SETGID_FILE, "is setgid", out);
        perFile(notables, NotableKind.WORLD_WRITABLE, HardeningCheck.WORLD_WRITABLE, "is writable by every user",
                out);
        category(notables, inventory, NotableKind.SHELL, HardeningCheck.SHELL, "shell", out);
        category(notables, inventory, NotableKind.PACKAGE_MANAGER, HardeningCheck.PACKAGE_MANAGER,
                "package manager", out);
        category(notables, inventory, NotableKind.COMPILER, HardeningCheck.COMPILER, "compiler or build tool", out);
        category(notables, inventory, NotableKind.DEBUG_TOOL, HardeningCheck.DEBUG_TOOL, "debug or network tool",
                out);
    }

    private static void perFile(ImageNotables notables, NotableKind kind, HardeningCheck check, String what,
            List<Misconfiguration> out) {
        List<ImageNotables.Placed> found = notables.present(kind);
        for (int i = 0; i < found.size() && i < MAX_PER_CHECK; i++) {
            ImageNotables.Placed p = found.get(i);
            NotableFile f = p.file();
            String kindName = f.type() == dev.bulwark.engine.layer.EntryType.DIRECTORY ? "directory " : "";
            out.add(check.finding(kindName + "/" + f.path() + " " + what + " (mode " + String.format("%04o",
                    f.mode()) + ")", Location.file(f.path()).withLayer(p.diffId())));
        }
        if (found.size() > MAX_PER_CHECK) {
            out.add(check.finding((found.size() - MAX_PER_CHECK) + " more paths " + what + " (not listed)",
                    Location.file("")));
        }
    }

    private static void category(ImageNotables notables, Inventory inventory, NotableKind kind,
            HardeningCheck check, String noun, List<Misconfiguration> out) {
        List<ImageNotables.Placed> found = notables.present(kind);
        if (found.isEmpty()) {
            return;
        }
        long bytes = 0;
        List<String> listed = new ArrayList<>();
        for (ImageNotables.Placed p : found) {
            bytes += p.file().size();
            if (listed.size() < MAX_LISTED) {
                NotableFile f = p.file();
                listed.add("/" + f.describe() + (f.size() > 0 ? " (" + human(f.size()) + ")" : ""));
            }
        }
        StringBuilder message = new StringBuilder();
        message.append(found.size()).append(' ').append(noun).append(found.size() == 1 ? "" : "s")
                .append(" add ").append(human(bytes)).append(": ").append(String.join(", ", listed));
        if (found.size() > listed.size()) {
            message.append(" and ").append(found.size() - listed.size()).append(" more");
        }
        Set<String> packages = packages(inventory, kind);
        if (!packages.isEmpty()) {
            message.append("; packages: ").append(String.join(", ", packages));
        }
        out.add(check.finding(message.toString(), Location.file(found.get(0).file().path())
                .withResource(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
    }

    /** Installed OS packages whose name is one of the category's tools, version suffix aside. */
    static Set<String> packages(Inventory inventory, NotableKind kind) {
        Set<String> names = new TreeSet<>();
        if (inventory == null) {
            return names;
        }
        for (Package p : inventory.packages()) {
            if (OS_TYPES.contains(p.type()) && p.name() != null
                    && (ToolNames.kindOf(p.name(), 0, p.name().length()) == kind
                            || PACKAGE_ALIASES.get(p.name()) == kind)) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** Bytes in the units a reader expects: {@code 1.2 MB}, {@code 125 kB}, {@code 17 B}. */
    static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return Math.round(bytes / 1000.0) + " kB";
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
