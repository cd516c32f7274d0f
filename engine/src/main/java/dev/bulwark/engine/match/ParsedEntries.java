package dev.bulwark.engine.match;

import dev.bulwark.engine.version.Version;
import java.util.List;

/**
 * The affected entries naming one package key, parsed, and every distinct version their {@code versions} lists name
 * that the scheme can read. Advisories that enumerate affected versions (PyPI's, Maven's) repeat the same few hundred
 * versions across dozens of entries, so an installed version is compared with each distinct one once, and each entry
 * then looks up its listed positions.
 *
 * @param texts the distinct listed texts the scheme reads, in the order first met
 * @param versions their parses, position for position
 */
record ParsedEntries(List<ParsedEntry> entries, String[] texts, Version[] versions) {
    private static final boolean[] NONE = new boolean[0];

    ParsedEntries {
        entries = List.copyOf(entries);
    }

    /** Which listed texts (by position) the scheme reads as equal to {@code installed}; empty when none is. */
    boolean[] listedEqualTo(Version installed) {
        boolean[] out = NONE;
        for (int i = 0; i < versions.length; i++) {
            if (versions[i].compareTo(installed) == 0) {
                if (out == NONE) {
                    out = new boolean[versions.length];
                }
                out[i] = true;
            }
        }
        return out;
    }
}
