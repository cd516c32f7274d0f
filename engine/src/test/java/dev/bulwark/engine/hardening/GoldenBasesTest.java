package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenBasesTest {
    private static final Digest A = Digest.sha256(new byte[] {1});
    private static final Digest B = Digest.sha256(new byte[] {2});
    private static final Digest C = Digest.sha256(new byte[] {3});

    private static GoldenBases parse(String text) {
        return GoldenBases.parse("golden.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void yamlAndJson(@TempDir Path dir) throws Exception {
        GoldenBases yaml = parse("""
                baseImages:
                  - name: corp/debian-12
                    diffIds: [%s]
                  - name: corp/java-21
                    diffIds:
                      - %s
                      - %s
                  - name: corp/node
                    reference: registry.corp/node:22
                """.formatted(text(A), text(A), text(B)));
        assertEquals(3, yaml.bases().size());
        assertEquals(List.of("corp/node"), yaml.unresolved().stream().map(GoldenBase::name).toList());
        Path json = dir.resolve("golden.json");
        Files.writeString(json, "{\"baseImages\":[{\"name\":\"b\",\"diffIds\":[\"" + text(A) + "\"]}]}");
        assertEquals(List.of(new GoldenBase("b", null, List.of(A))), GoldenBases.load(json).bases());
    }

    private static String text(Digest d) {
        return d.algorithm() + ":" + d.hex();
    }

    @Test
    void longestChainWins() {
        GoldenBases g = new GoldenBases(List.of(new GoldenBase("debian", null, List.of(A)),
                new GoldenBase("java", "r/java:21", List.of(A, B))));
        assertEquals(new BaseDetection.Approved("java", "r/java:21", 2), g.detect(List.of(A, B, C)));
        assertEquals(new BaseDetection.Approved("debian", null, 1), g.detect(List.of(A, C)));
        assertEquals(new BaseDetection.Unapproved(2), g.detect(List.of(B, A)));
        assertEquals(new BaseDetection.Unapproved(2), g.detect(List.of()));
        assertEquals(new BaseDetection.NotConfigured(), GoldenBases.none().detect(List.of(A)));
        GoldenBases unresolved = new GoldenBases(List.of(new GoldenBase("x", "r/x:1", null)));
        assertThrows(IllegalStateException.class, () -> unresolved.detect(List.of(A)));
        assertEquals(new BaseDetection.Approved("x", "r/x:1", 1),
                new GoldenBases(List.of(unresolved.bases().get(0).withDiffIds(List.of(A)))).detect(List.of(A, B)));
    }

    @Test
    void badFilesAreOneLineErrors(@TempDir Path dir) throws Exception {
        String[] bad = {
            "", "- a\n- b", "baseImages: {}", "baseImages: []\nextra: 1", "baseImages:\n  - 3",
            "baseImages:\n  - name: x", "baseImages:\n  - diffIds: [sha256:" + A.hex() + "]",
            "baseImages:\n  - name: x\n    diffIds: [md5:abc]", "baseImages:\n  - name: x\n    diffIds: []",
            "baseImages:\n  - name: x\n    digest: sha256:" + A.hex(), "baseImages: [unclosed",
            "a: &a [*a]", "a: &a [1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                    + "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
            "\u0000\u0001binary\u00ff",
        };
        for (String text : bad) {
            BulwarkException e = assertThrows(BulwarkException.class, () -> parse(text), text);
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().startsWith("golden base image list golden.yaml"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        BulwarkException missing = assertThrows(BulwarkException.class,
                () -> GoldenBases.load(dir.resolve("none.yaml")));
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
    }
}
