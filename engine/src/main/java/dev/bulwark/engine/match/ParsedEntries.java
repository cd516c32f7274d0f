package dev.bulwark.engine.match;

import dev.bulwark.engine.version.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The affected entries naming one package key, parsed, and every distinct version their {@code versions} lists name
 * that the scheme can read. Advisories that enumerate affected versions (PyPI's, Maven's) repeat the same few hundred
 * versions across dozens of entries, so an installed version is compared with each distinct one once, and the lists
 * are then searched by text.
 *
 * @param listed each distinct listed text the scheme reads, with its parse
 */
record ParsedEntries(List<ParsedEntry> entries, Map<String, Version> listed) {
    ParsedEntries {
        entries = List.copyOf(entries);
        listed = Map.copyOf(listed);
    }

    /** The listed texts that the scheme reads as equal to {@code installed}; usually none. */
    Set<String> listedEqualTo(Version installed) {
        Set<String> out = null;
        for (Map.Entry<String, Version> e : listed.entrySet()) {
            if (e.getValue().compareTo(installed) == 0) {
                if (out == null) {
                    out = new HashSet<>();
                }
                out.add(e.getKey());
            }
        }
        return out == null ? Set.of() : out;
    }
}
