package dev.bulwark.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.engine.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader shows every entry to its {@link EntryListener}: the ones it indexes and the ones it skips. */
class LayerReaderEntriesTest {
    @TempDir
    Path spool;

    private List<String> entries(byte[] tar) throws IOException {
        List<String> seen = new ArrayList<>();
        new LayerReader(Set.of("etc/os-release"), spool).read(new ByteArrayInputStream(tar), "test", List.of(), false,
                (path, type, size, mode, link) -> seen.add(type + " " + path + " " + size + " "
                        + Integer.toOctalString(mode) + (link == null ? "" : " -> " + link)));
        return seen;
    }

    @Test
    void everyEntryWithDeletionsAsTheirPaths() throws IOException {
        byte[] tar = new TarBuilder().dir("./").dir("usr/bin/").file("usr/bin/tool", "abc")
                .hardlink("usr/bin/tool2", "./usr/bin/tool").symlink("usr/bin/sh", "dash")
                .file("etc/os-release", "ID=x\n").entry("run/fifo", '6', new byte[0], "", 0)
                .file("app/.wh.old.txt", "").file(".wh.gone", "").file("var/cache/.wh..wh..opq", "")
                .dir(".wh..wh.plnk/").file(".wh.", "").build();
        assertEquals(List.of("DIRECTORY usr/bin 0 755", "FILE usr/bin/tool 3 644",
                "HARDLINK usr/bin/tool2 0 644 -> usr/bin/tool", "SYMLINK usr/bin/sh 0 644 -> dash",
                "FILE etc/os-release 5 644", "OTHER run/fifo 0 644", "WHITEOUT app/old.txt 0 0", "WHITEOUT gone 0 0",
                "OPAQUE var/cache 0 0", "DIRECTORY .wh..wh.plnk 0 755", "FILE .wh. 0 644"), entries(tar));
    }

    @Test
    void withoutAListenerTheFactsAreTheSame() throws IOException {
        byte[] tar = new TarBuilder().file("etc/os-release", "ID=x\n").file("a/.wh.b", "").symlink("c", "d").build();
        LayerReader reader = new LayerReader(Set.of("etc/os-release"), spool);
        LayerFacts without = reader.read(new ByteArrayInputStream(tar), "t", List.of(), false);
        LayerFacts with = reader.read(new ByteArrayInputStream(tar), "t", List.of(), false, (p, t, s, m, l) -> { });
        assertEquals(without.index().structural(), with.index().structural());
        assertEquals(without.index().captured().keySet(), with.index().captured().keySet());
    }
}
