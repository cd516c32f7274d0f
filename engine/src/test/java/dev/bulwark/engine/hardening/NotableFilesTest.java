package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.FileEntry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotableFilesTest {

    @Test
    void modeBits() {
        assertEquals(NotableKind.SETUID.bit(), NotableFiles.kindsOf("usr/lib/x", EntryType.FILE, 04755));
        assertEquals(NotableKind.SETGID.bit(), NotableFiles.kindsOf("usr/lib/x", EntryType.HARDLINK, 02755));
        assertEquals(NotableKind.WORLD_WRITABLE.bit(), NotableFiles.kindsOf("srv/x", EntryType.FILE, 0666));
        assertEquals(NotableKind.WORLD_WRITABLE.bit(), NotableFiles.kindsOf("srv", EntryType.DIRECTORY, 0777));
        assertEquals(0, NotableFiles.kindsOf("tmp", EntryType.DIRECTORY, 01777), "sticky directory");
        assertEquals(0, NotableFiles.kindsOf("srv", EntryType.DIRECTORY, 02775), "setgid directory is normal");
        assertEquals(0, NotableFiles.kindsOf("usr/lib/l", EntryType.SYMLINK, 0777), "symlinks are always 0777");
        assertEquals(0, NotableFiles.kindsOf("dev/null", EntryType.OTHER, 0666), "devices");
        assertEquals(0, NotableFiles.kindsOf("usr/lib/x", EntryType.FILE, 0100644), "type bits in the mode field");
    }

    @Test
    void toolNamesInBinDirectoriesOnly() {
        assertEquals(NotableKind.SHELL, NotableFiles.toolKind("bin/sh"));
        assertEquals(NotableKind.SHELL, NotableFiles.toolKind("usr/bin/bash"));
        assertEquals(NotableKind.PACKAGE_MANAGER, NotableFiles.toolKind("usr/bin/apt-get"));
        assertEquals(NotableKind.PACKAGE_MANAGER, NotableFiles.toolKind("usr/local/bin/pip3.11"));
        assertEquals(NotableKind.COMPILER, NotableFiles.toolKind("usr/bin/gcc-12"));
        assertEquals(NotableKind.COMPILER, NotableFiles.toolKind("usr/bin/x86_64-linux-gnu-gcc-12"));
        assertEquals(NotableKind.COMPILER, NotableFiles.toolKind("usr/local/go/bin/go"));
        assertEquals(NotableKind.COMPILER, NotableFiles.toolKind("usr/lib/jvm/jdk-21/bin/javac"));
        assertEquals(NotableKind.DEBUG_TOOL, NotableFiles.toolKind("usr/sbin/tcpdump"));
        assertEquals(NotableKind.DEBUG_TOOL, NotableFiles.toolKind("usr/bin/nc"));
        assertNull(NotableFiles.toolKind("usr/share/doc/bash"), "not in a bin directory");
        assertNull(NotableFiles.toolKind("bash"));
        assertNull(NotableFiles.toolKind("usr/bin/bashbug"));
        assertNull(NotableFiles.toolKind("usr/bin/apt-cache"));
        assertNull(NotableFiles.toolKind("usr/bin/x86_64-linux-gnu-curl"), "triplets are for toolchains");
        assertNull(NotableFiles.toolKind("usr/bin/12"));
        assertNull(NotableFiles.toolKind("usr/bin/"));
        assertNull(NotableFiles.toolKind("usr/cabin/sh"), "a directory ending in bin is not bin");
        assertEquals(NotableKind.SHELL.bit(), NotableFiles.kindsOf("usr/bin/sh", EntryType.SYMLINK, 0777));
        assertEquals(0, NotableFiles.kindsOf("usr/bin/sh", EntryType.DIRECTORY, 0755));
        assertEquals(NotableKind.SETUID.bit() | NotableKind.DEBUG_TOOL.bit(),
                NotableFiles.kindsOf("usr/bin/strace", EntryType.FILE, 04755));
    }

    @Test
    void collectsWithSizesAndLinkTargets() {
        NotableFiles n = new NotableFiles();
        n.accept(new FileEntry("usr/bin/bash", EntryType.FILE, 1265648, 0755, null));
        n.accept(new FileEntry("usr/bin/sh", EntryType.SYMLINK, 0, 0777, "dash"));
        n.accept(new FileEntry("usr/bin/ls", EntryType.FILE, 100, 0755, null));
        n.accept(new FileEntry("etc/x", EntryType.WHITEOUT, 0, 0, null));
        LayerNotables l = n.build();
        assertEquals(List.of(new NotableFile("usr/bin/bash", EntryType.FILE, 1265648, 0755, null,
                NotableKind.SHELL.bit()), new NotableFile("usr/bin/sh", EntryType.SYMLINK, 0, 0777, "dash",
                NotableKind.SHELL.bit())), l.files());
        assertEquals(List.of(new LayerNotables.Removal("etc/x", false)), l.removals());
        assertEquals(3, l.paths().size());
        assertTrue(l.paths().containsAny("usr/bin/ls"));
        assertFalse(l.paths().containsAny("etc/x"), "whiteouts are removals, not paths");
    }

    @Test
    void nonNotableEntriesAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] paths = new String[900];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = (i % 2 == 0 ? "usr/bin/tool" : "usr/share/doc/pkg/file") + i;
        }
        for (int round = 0; round < 200; round++) { // let the JIT settle
            NotableFiles warm = new NotableFiles();
            for (String p : paths) {
                warm.accept(p, EntryType.FILE, 10, 0644, null);
            }
        }
        NotableFiles n = new NotableFiles();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (String p : paths) {
            n.accept(p, EntryType.FILE, 10, 0755, null);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 2048, "non-notable entries allocated " + allocated + " bytes");
        assertEquals(0, n.build().files().size());
    }

    @Test
    void hostileLayerIsCappedAndCounted() {
        NotableFiles n = new NotableFiles();
        int total = NotableFiles.MAX_FILES + 5;
        for (int i = 0; i < total; i++) {
            n.accept("srv/f" + i, EntryType.FILE, 0, 04777, null);
        }
        LayerNotables l = n.build();
        assertEquals(NotableFiles.MAX_FILES, l.files().size());
        assertEquals(5, l.dropped());
        assertEquals(total, l.paths().size());
        assertTrue(l.paths().complete());
    }

    @Test
    void codecRoundTrip() {
        NotableFiles n = new NotableFiles();
        n.accept("usr/bin/su", EntryType.FILE, 71912, 04755, null);
        n.accept("usr/bin/sh", EntryType.SYMLINK, 0, 0777, "dash");
        n.accept("usr/bin/sudoedit", EntryType.HARDLINK, 0, 04755, "usr/bin/sudo");
        n.accept("srv/ü", EntryType.DIRECTORY, 0, 0777, null);
        n.accept("var/cache", EntryType.OPAQUE, 0, 0, null);
        n.accept("etc/gone", EntryType.WHITEOUT, 0, 0, null);
        LayerNotables l = n.build();
        LayerNotables back = LayerNotables.decode(l.encode());
        assertEquals(l, back);
        LayerNotables empty = new NotableFiles().build();
        assertEquals(empty, LayerNotables.decode(empty.encode()));
    }

    @Test
    void corruptBytesAreAClearError() {
        NotableFiles n = new NotableFiles();
        n.accept("usr/bin/su", EntryType.FILE, 71912, 04755, null);
        n.accept("usr/bin/ls", EntryType.FILE, 1, 0755, null);
        byte[] good = n.build().encode();
        for (int cut : new int[] {0, 3, 5, 9, good.length / 2, good.length - 1}) {
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> LayerNotables.decode(Arrays.copyOf(good, cut)), "cut at " + cut);
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().startsWith("notable-file list is corrupt"), e.getMessage());
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThrows(BulwarkException.class, () -> LayerNotables.decode(trailing));
        byte[] hugeCount = good.clone();
        hugeCount[5] = 0x7f; // file count -> ~2 billion: refused before any allocation
        assertThrows(BulwarkException.class, () -> LayerNotables.decode(hugeCount));
        byte[] badKinds = good.clone();
        badKinds[9 + 4 + "usr/bin/su".length() + 1 + 8 + 4 + 4 + 3] = (byte) 0x80; // kinds' low byte: unknown bit
        assertThrows(BulwarkException.class, () -> LayerNotables.decode(badKinds));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] fuzzed = good.clone();
            fuzzed[5 + random.nextInt(fuzzed.length - 5)] ^= (byte) (1 + random.nextInt(255));
            try {
                LayerNotables.decode(fuzzed);
            } catch (BulwarkException expected) {
                assertEquals(ErrorKind.INVALID_INPUT, expected.kind());
            }
        }
    }
}
