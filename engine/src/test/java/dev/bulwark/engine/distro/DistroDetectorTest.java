package dev.bulwark.engine.distro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * os-release parsing against the shell's own reading of a real file, and the fallback files in the formats their
 * distributions write (one line each: {@code alpine-release}, {@code redhat-release}, {@code debian_version}).
 */
class DistroDetectorTest {
    private static Optional<Distro> detect(Map<String, String> files) {
        return DistroDetector.detect(p -> Optional.ofNullable(files.get(p))
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void osReleaseAsTheShellReadsIt() throws Exception {
        Path real = Path.of("/etc/os-release");
        String shell = Tools.run(10, "sh", "-c", ". /etc/os-release && printf '%s|%s|%s' \"$ID\" \"$VERSION_ID\""
                + " \"$PRETTY_NAME\"");
        Distro d = detect(Map.of("etc/os-release", Files.readString(real))).orElseThrow();
        assertEquals(shell, d.id() + "|" + d.versionId() + "|" + d.prettyName());
    }

    @Test
    void quotingAndCommentsFollowOsRelease5() {
        Distro d = detect(Map.of("usr/lib/os-release", "# comment\nID='ubuntu'\nVERSION_ID=\"22.04\"\n"
                + "PRETTY_NAME=\"Ubuntu \\\"Jammy\\\"\"\nVERSION_CODENAME=jammy\n")).orElseThrow();
        assertEquals("ubuntu", d.id());
        assertEquals("22.04", d.versionId());
        assertEquals("Ubuntu \"Jammy\"", d.prettyName());
        assertEquals("usr/lib/os-release", d.source());
        assertEquals("ubuntu-22.04", d.purlQualifier());
    }

    @Test
    void debianTestingHasNoVersionIdAndFallsBackToDebianVersion() {
        Distro d = detect(Map.of("etc/os-release", "ID=debian\nVERSION_CODENAME=trixie\n", "etc/debian_version",
                "trixie/sid\n")).orElseThrow();
        assertEquals("trixie/sid", d.versionId());
    }

    @Test
    void fallbacks() {
        assertEquals("alpine 3.20.3", show(detect(Map.of("etc/alpine-release", "3.20.3\n"))));
        assertEquals("centos 7", show(detect(Map.of("etc/centos-release", "CentOS Linux release 7.9.2009 (Core)\n"))));
        assertEquals("rhel 8", show(detect(Map.of("etc/redhat-release",
                "Red Hat Enterprise Linux release 8.9 (Ootpa)\n"))));
        assertEquals("debian 12", show(detect(Map.of("etc/debian_version", "12.7\n"))));
        assertEquals("ubuntu 20.04", show(detect(Map.of("etc/lsb-release",
                "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\nDISTRIB_CODENAME=focal\n"))));
        assertTrue(detect(Map.of()).isEmpty());
        assertTrue(detect(Map.of("etc/os-release", "garbage without equals\n\0\0")).isEmpty());
    }

    private static String show(Optional<Distro> d) {
        return d.map(x -> x.id() + " " + x.versionId()).orElse("none");
    }
}
