package dev.bulwark.engine.hardening;

import dev.bulwark.engine.layer.EntryType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of one layer that hardening cares about.
 *
 * @param path normalised image path, no leading slash
 * @param type {@code FILE}, {@code HARDLINK}, {@code SYMLINK} or {@code DIRECTORY}
 * @param size bytes of content (0 for links and directories: they add no content of their own)
 * @param mode the tar mode bits, including setuid ({@code 04000}), setgid ({@code 02000}) and sticky ({@code 01000})
 * @param linkTarget the target of a symlink or hardlink, else null
 * @param kinds the {@link NotableKind} bits that made it notable
 */
public record NotableFile(String path, EntryType type, long size, int mode, String linkTarget, int kinds) {

    public NotableFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (kinds == 0 || (kinds & ~NotableKind.allBits()) != 0) {
            throw new IllegalArgumentException("bad notable kinds " + kinds);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    public Set<NotableKind> kindSet() {
        EnumSet<NotableKind> set = EnumSet.noneOf(NotableKind.class);
        for (NotableKind k : NotableKind.values()) {
            if (k.in(kinds)) {
                set.add(k);
            }
        }
        return set;
    }

    public boolean is(NotableKind kind) {
        return kind.in(kinds);
    }

    /** {@code usr/bin/sh -> dash} for links, else the path. */
    public String describe() {
        return type == EntryType.SYMLINK && linkTarget != null ? path + " -> " + linkTarget : path;
    }
}
