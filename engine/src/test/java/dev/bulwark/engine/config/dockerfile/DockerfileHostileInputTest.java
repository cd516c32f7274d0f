package dev.bulwark.engine.config.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed and hostile Dockerfiles: one clear line or a counted warning, fast, never a hang or a blow-up. */
class DockerfileHostileInputTest {
    private final DockerfileScanner scanner = new DockerfileScanner();

    private BulwarkException rejected(byte[] content) {
        BulwarkException e = assertThrows(BulwarkException.class, () -> scanner.scan("bad/Dockerfile", content));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("bad/Dockerfile"), e.getMessage());
        return e;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FROM a\nRUN <<EOF\necho never closed\n",
        "# escape=x\nFROM a\n",
        "# escape=`\n# escape=\\\nFROM a\n",
        "# syntax=a\n#syntax=b\nFROM a\n"})
    void malformedFilesFailWithOneLine(String text) {
        String message = rejected(bytes(text)).getMessage();
        assertTrue(message.matches(".*:\\d+: .*"), "names the line: " + message);
    }

    @Test
    void sizeLinesBinaryAndEncodingAreBounded() {
        rejected(new byte[DockerfileParser.MAX_BYTES + 1]);
        rejected(bytes("FROM a\n" + "\n".repeat(DockerfileParser.MAX_LINES)));
        rejected(bytes("FROM a\nRUN \u0000\n"));
        rejected(new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        rejected(bytes("FROM a\nRUN " + "x".repeat(SourceLines.MAX_LINE + 1) + "\n"));
        rejected(bytes("FROM a\nRUN a \\\n" + "  bbbbbbbbbb \\\n".repeat(SourceLines.MAX_LINE / 10) + "  c\n"));
    }

    @Test
    void expansionBombsStopWithWarnings() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            StringBuilder doubling = new StringBuilder("FROM a\nENV A=0123456789abcdef\n");
            doubling.append("ENV A=$A$A\n".repeat(2000));
            DockerfileScanner.Result r = scanner.scan("Dockerfile", bytes(doubling.toString()));
            assertFalse(r.warnings().isEmpty());
            assertTrue(r.warnings().get(0).contains("more than"), r.warnings().get(0));

            String nested = "FROM a\nENV B=" + "${X:-".repeat(5000) + "}".repeat(5000) + "\n";
            r = scanner.scan("Dockerfile", bytes(nested));
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            assertTrue(r.warnings().get(0).contains("nested"), r.warnings().get(0));
        });
    }

    @Test
    void pathologicalLinesStayLinear() {
        int n = SourceLines.MAX_LINE - 100;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String body : new String[] {
                "9".repeat(n), "$(".repeat(n / 2), "'".repeat(n), "apk add x; ".repeat(n / 11),
                "apt-get install x && ".repeat(n / 21) + "rm -rf /var/lib/apt/lists/*", "<<".repeat(n / 2),
                "a=b ".repeat(n / 4), "${".repeat(n / 2), "\"$(curl ".repeat(n / 8)}) {
                DockerfileScanner.Result r = scanner.scan("Dockerfile", bytes("FROM a AS b\nRUN " + body + "\n"));
                assertEquals(1, r.dockerfile().stages().size());
            }
            for (String line : new String[] {"ENV " + "PASSWORD".repeat(n / 9) + "x=1", "COPY " + ".".repeat(n) + " /d",
                "EXPOSE " + "1".repeat(n), "ADD " + "a.".repeat(n / 2) + " /d"}) {
                assertEquals(1, scanner.scan("Dockerfile", bytes("FROM a\n" + line + "\n")).dockerfile().stages()
                        .size());
            }
            StringBuilder stages = new StringBuilder("FROM a AS s0\nENV " + "V=1 ".repeat(1000) + "\n");
            for (int i = 1; i < 5000; i++) {
                stages.append("FROM s").append(i - 1).append(" AS s").append(i).append("\nENV W").append(i)
                        .append("=1\n");
            }
            BulwarkException e = assertThrows(BulwarkException.class,
                    () -> scanner.scan("Dockerfile", bytes(stages.toString())));
            assertTrue(e.getMessage().contains("inherit"), e.getMessage());
        });
    }

    @Test
    void heredocMarkersOutsideRunCopyAddAreText() {
        DockerfileScanner.Result r = scanner.scan("Dockerfile", bytes("FROM a\nENV X=<<EOF\nUSER app\n"));
        assertEquals(2, r.dockerfile().stages().get(0).instructions().size());
    }
}
