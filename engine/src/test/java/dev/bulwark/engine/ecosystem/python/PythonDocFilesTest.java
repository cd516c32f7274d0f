package dev.bulwark.engine.ecosystem.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bulwark.engine.testing.Tools;
import org.junit.jupiter.api.Test;

/**
 * Requirement files that Debian ships as documentation ({@code dpkg -L python3-pip} lists one) describe how a
 * package was developed, not what is installed, and are not read.
 */
class PythonDocFilesTest {
    @Test
    void documentationIsNotAProject() {
        String listed = Tools.run(30, "sh", "-c", "dpkg -L python3-pip | grep '^/usr/share/doc/.*requirements.*\\.txt$'"
                + " | head -n 1 || true").strip();
        String path = listed.isEmpty() ? "usr/share/doc/python3-pip/requirements.txt" : listed.substring(1);
        assertNull(PythonFileKind.of(path), path);
        assertEquals(PythonFileKind.REQUIREMENTS, PythonFileKind.of("app/requirements.txt"));
    }
}
