package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bulwark.engine.layer.EntryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OCI layer semantics on small synthetic layers; the podman-built images check the same against find(1). */
class NotableSquashTest {

    private static LayerNotables layer(Object... entries) {
        NotableFiles n = new NotableFiles();
        for (int i = 0; i < entries.length; i += 3) {
            n.accept((String) entries[i], (EntryType) entries[i + 1], 10, (Integer) entries[i + 2], "t");
        }
        return n.build();
    }

    private static List<String> present(LayerNotables... layers) {
        return NotableSquash.squash(List.of(layers), List.of()).present().stream()
                .map(p -> p.file().path() + "@" + p.layer()).toList();
    }

    @Test
    void laterLayersHideOrReplace() {
        LayerNotables base = layer("usr/bin/su", EntryType.FILE, 04755, "opt/app/tool", EntryType.FILE, 04755,
                "srv/w", EntryType.DIRECTORY, 0777, "usr/bin/bash", EntryType.FILE, 0755);
        assertEquals(List.of("opt/app/tool@0", "srv/w@0", "usr/bin/bash@0", "usr/bin/su@0"), present(base));
        assertEquals(List.of("opt/app/tool@0", "srv/w@0", "usr/bin/bash@0"),
                present(base, layer("usr/bin/su", EntryType.FILE, 0755)), "rewritten without the bit");
        assertEquals(List.of("srv/w@0", "usr/bin/bash@0", "usr/bin/su@0"),
                present(base, layer("opt/app", EntryType.WHITEOUT, 0)), "parent deleted");
        assertEquals(List.of("srv/w@0", "usr/bin/bash@0", "usr/bin/su@0"),
                present(base, layer("opt", EntryType.OPAQUE, 0)), "opaque ancestor");
        assertEquals(List.of("srv/w@0", "usr/bin/bash@0", "usr/bin/su@0"),
                present(base, layer("opt/app", EntryType.SYMLINK, 0777)), "directory replaced by a link");
        assertEquals(List.of("opt/app/tool@0", "srv/w@0", "usr/bin/bash@0", "usr/bin/su@0"),
                present(base, layer("opt/app", EntryType.DIRECTORY, 0755)), "directory rewritten stays");
        assertEquals(List.of("opt/app/tool@0", "srv/w@0", "usr/bin/bash@0", "usr/bin/su@0"),
                present(base, layer("opt/app/other", EntryType.WHITEOUT, 0)), "a sibling deleted");
        assertEquals(List.of("opt/app/tool@0", "srv/w@0", "usr/bin/bash@0", "usr/bin/su@2"),
                present(base, layer("usr/bin/su", EntryType.WHITEOUT, 0), layer("usr/bin/su", EntryType.FILE,
                        04755)), "deleted, then added back");
        assertEquals(List.of(), present(base, layer("", EntryType.OPAQUE, 0)), "opaque root");
        assertEquals(List.of("srv/w@1"), present(base, layer("", EntryType.OPAQUE, 0, "srv/w", EntryType.DIRECTORY,
                0777)), "the opaque layer's own entries stay");
    }

    @Test
    void hiddenAndDiffIds() {
        ImageNotables n = NotableSquash.squash(List.of(layer("usr/bin/su", EntryType.FILE, 04755),
                layer("usr/bin/su", EntryType.WHITEOUT, 0)), List.of("sha256:a", "sha256:b"));
        assertEquals(List.of(), n.present());
        assertEquals("sha256:a", n.hidden().get(0).diffId());
        assertThrows(IllegalArgumentException.class, () -> NotableSquash.squash(List.of(layer()), List.of("a", "b")));
    }
}
