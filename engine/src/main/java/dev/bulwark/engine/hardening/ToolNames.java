package dev.bulwark.engine.hardening;

import java.util.List;
import java.util.Map;

/**
 * The file names of shells, package managers, compilers and debug tools, looked up on a region of a path without
 * allocating: the layer reader asks about every entry of every layer, and almost all of them are not tools.
 * Version suffixes ({@code gcc-12}, {@code pip3.11}) and cross-compiler triplets ({@code x86_64-linux-gnu-gcc}) are
 * looked through.
 */
final class ToolNames {
    private static final Map<NotableKind, List<String>> NAMES = Map.of(
            NotableKind.SHELL, List.of("sh", "bash", "rbash", "dash", "ash", "zsh", "ksh", "ksh93", "mksh", "lksh",
                    "pdksh", "oksh", "csh", "tcsh", "fish", "yash", "busybox", "toybox"),
            NotableKind.PACKAGE_MANAGER, List.of("apt", "apt-get", "aptitude", "dpkg", "apk", "rpm", "yum", "dnf",
                    "microdnf", "tdnf", "zypper", "pacman", "opkg", "emerge", "pip", "pipx", "easy_install", "npm",
                    "yarn", "pnpm", "gem", "composer", "conda", "mamba", "micromamba", "cpan", "cpanm", "nix-env"),
            NotableKind.COMPILER, List.of("gcc", "cc", "c++", "g++", "cpp", "clang", "clang++", "tcc", "gfortran",
                    "as", "ld", "ld.bfd", "ld.gold", "make", "gmake", "cmake", "ninja", "meson", "autoconf",
                    "automake", "libtool", "bazel", "go", "javac", "mvn", "gradle", "ant", "rustc", "cargo",
                    "kotlinc", "scalac", "swiftc", "nasm", "yasm", "ghc"),
            NotableKind.DEBUG_TOOL, List.of("gdb", "gdbserver", "lldb", "strace", "ltrace", "perf", "valgrind",
                    "bpftrace", "tcpdump", "tshark", "nmap", "nc", "netcat", "ncat", "socat", "telnet", "ftp",
                    "tftp", "ssh", "scp", "sftp", "sshd", "curl", "wget", "vim", "vi", "nano", "emacs"));

    private static final int SLOTS = 512; // a power of two, well above twice the names
    private static final String[] KEYS = new String[SLOTS];
    private static final int[] HASHES = new int[SLOTS];
    private static final NotableKind[] KINDS = new NotableKind[SLOTS];

    static {
        NAMES.forEach((kind, names) -> names.forEach(name -> put(name, kind)));
    }

    private ToolNames() {
    }

    private static void put(String name, NotableKind kind) {
        int h = name.hashCode();
        int slot = h & (SLOTS - 1);
        while (KEYS[slot] != null) {
            if (KEYS[slot].equals(name)) {
                throw new IllegalStateException("tool " + name + " listed twice");
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        KEYS[slot] = name;
        HASHES[slot] = h;
        KINDS[slot] = kind;
    }

    /** The tool kind of the file name {@code s[from, to)}, or null. */
    static NotableKind kindOf(String s, int from, int to) {
        NotableKind exact = lookup(s, from, to);
        if (exact != null) {
            return exact;
        }
        int end = withoutVersion(s, from, to);
        if (end < to) {
            NotableKind k = lookup(s, from, end);
            if (k != null) {
                return k;
            }
        }
        int triplet = s.indexOf("-linux-", from);
        if (triplet >= 0 && triplet < end) {
            int dash = s.lastIndexOf('-', end - 1);
            if (dash > triplet && dash + 1 < end) {
                NotableKind k = lookup(s, dash + 1, end);
                // Only the build toolchain is cross-prefixed; x86_64-linux-gnu-ld and friends.
                return k == NotableKind.COMPILER ? k : null;
            }
        }
        return null;
    }

    /** The end of the name without a trailing version: {@code gcc-12} is {@code gcc}, {@code pip3.11} is {@code pip}. */
    static int withoutVersion(String s, int from, int to) {
        int end = to;
        while (end > from && (isDigit(s.charAt(end - 1)) || s.charAt(end - 1) == '.')) {
            end--;
        }
        if (end == to) {
            return to;
        }
        if (end > from && s.charAt(end - 1) == '-') {
            end--;
        }
        return end > from ? end : to;
    }

    private static NotableKind lookup(String s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 16) {
            return null;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = h & (SLOTS - 1);
        while (KEYS[slot] != null) {
            if (HASHES[slot] == h && KEYS[slot].length() == len && s.regionMatches(from, KEYS[slot], 0, len)) {
                return KINDS[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Every listed name of one kind (for package matching and documentation). */
    static List<String> names(NotableKind kind) {
        return NAMES.getOrDefault(kind, List.of());
    }
}
