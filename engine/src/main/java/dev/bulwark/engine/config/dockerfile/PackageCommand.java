package dev.bulwark.engine.config.dockerfile;

import java.util.List;
import java.util.Set;

/**
 * A package-manager command in a RUN script: which manager, which action ({@code install}, {@code update}...),
 * and its options, with the knowledge of each manager's "yes" flags and cache locations.
 *
 * @param manager {@code apt-get}, {@code apt}, {@code apk}, {@code yum}, {@code dnf}, {@code microdnf} or
 *     {@code zypper}
 * @param action the first non-option word after the manager, or empty
 * @param words every word after the manager
 */
record PackageCommand(String manager, String action, List<String> words) {
    private static final Set<String> MANAGERS = Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper");

    /** The package command {@code c} runs, or null when it runs no package manager. */
    static PackageCommand of(ShellCommand c) {
        String program = c.program();
        if (!MANAGERS.contains(program)) {
            return null;
        }
        List<String> args = c.args();
        String action = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                action = a;
                break;
            }
            if (a.equals("-o") || a.equals("-c") || a.equals("--option")) {
                i++;
            }
        }
        return new PackageCommand(program, action, args);
    }

    boolean isApt() {
        return manager.equals("apt-get") || manager.equals("apt");
    }

    boolean installs() {
        return switch (manager) {
            case "apk" -> action.equals("add");
            case "zypper" -> action.equals("install") || action.equals("in");
            default -> action.equals("install") || action.equals("reinstall") || action.equals("groupinstall");
        };
    }

    boolean has(String word) {
        return words.contains(word) || words.stream().anyMatch(w -> w.endsWith("=" + word) || w.equals("-o" + word));
    }

    /** Whether the command answers prompts by itself. */
    boolean assumesYes() {
        if (manager.equals("apk")) {
            return true;
        }
        if (manager.equals("microdnf")) {
            return true;
        }
        Set<String> longYes = manager.equals("zypper")
                ? Set.of("--non-interactive", "--no-confirm", "-y", "-n")
                : Set.of("--yes", "--assume-yes", "--assumeyes", "-qq", "--quiet=2", "-q=2");
        for (String w : words) {
            if (longYes.contains(w)) {
                return true;
            }
            if (w.startsWith("-") && !w.startsWith("--") && w.indexOf('y') > 0
                    || manager.equals("zypper") && w.startsWith("-") && !w.startsWith("--") && w.indexOf('n') > 0) {
                return true;
            }
        }
        return false;
    }

    /** What cleanup is missing for this install in the same RUN, or null when the cache does not stay behind. */
    String missingCleanup(List<ShellCommand> run, String mounts) {
        String cacheDir = switch (manager) {
            case "apt-get", "apt" -> "/var/lib/apt/lists";
            case "apk" -> "/var/cache/apk";
            case "zypper" -> "/var/cache/zypp";
            default -> "/var/cache/" + (manager.equals("microdnf") ? "dnf" : manager);
        };
        if (mounts.contains("type=cache") && (mounts.contains(cacheDir) || isApt() && mounts.contains("/var/lib/apt")
                || isApt() && mounts.contains("/var/cache/apt"))) {
            return null;
        }
        if (manager.equals("apk") && (words.contains("--no-cache") || removes(run, cacheDir))) {
            return null;
        }
        if (removes(run, cacheDir)) {
            return null;
        }
        for (ShellCommand c : run) {
            PackageCommand other = of(c);
            if (other == null || !sameFamily(other)) {
                continue;
            }
            if (manager.equals("zypper") && (other.action.equals("clean") || other.action.equals("cc"))) {
                return null;
            }
            if (!isApt() && !manager.equals("apk") && other.action.equals("clean") && other.words.contains("all")) {
                return null;
            }
        }
        return switch (manager) {
            case "apt-get", "apt" -> "'rm -rf /var/lib/apt/lists/*'";
            case "apk" -> "--no-cache";
            case "zypper" -> "'zypper clean'";
            default -> "'" + manager + " clean all'";
        };
    }

    private boolean sameFamily(PackageCommand other) {
        return other.manager.equals(manager);
    }

    private static boolean removes(List<ShellCommand> run, String dir) {
        for (ShellCommand c : run) {
            if (c.program().equals("rm") && c.args().stream().anyMatch(a -> a.startsWith(dir))) {
                return true;
            }
        }
        return false;
    }
}
