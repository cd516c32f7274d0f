package dev.bulwark.engine.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from Docker's reference grammar tests (distribution/reference), for the normalising parser. */
class ImageReferenceTest {
    private static final String F64 = "f".repeat(64);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            busybox                                  | docker.io        | library/busybox               | latest        | -
            busybox:1.36                             | docker.io        | library/busybox               | 1.36          | -
            docker/docker                            | docker.io        | docker/docker                 | latest        | -
            library/debian                           | docker.io        | library/debian                | latest        | -
            docker.io/debian                         | docker.io        | library/debian                | latest        | -
            docker.io/library/debian                 | docker.io        | library/debian                | latest        | -
            index.docker.io/debian                   | docker.io        | library/debian                | latest        | -
            index.docker.io/docker/docker            | docker.io        | docker/docker                 | latest        | -
            docker.io/library/foo/bar                | docker.io        | library/foo/bar               | latest        | -
            test_com/foo                             | docker.io        | test_com/foo                  | latest        | -
            test.com:tag                             | docker.io        | library/test.com              | tag           | -
            test.com:5000                            | docker.io        | library/test.com              | 5000          | -
            test.com/repo:tag                        | test.com         | repo                          | tag           | -
            test:5000/repo                           | test:5000        | repo                          | latest        | -
            test:5000/repo:tag                       | test:5000        | repo                          | tag           | -
            test-com:8080/foo                        | test-com:8080    | foo                           | latest        | -
            localhost/foo                            | localhost        | foo                           | latest        | -
            localhost:5000/foo/bar:v1                | localhost:5000   | foo/bar                       | v1            | -
            127.0.0.1:5000/docker/docker             | 127.0.0.1:5000   | docker/docker                 | latest        | -
            192.168.1.1                              | docker.io        | library/192.168.1.1           | latest        | -
            192.168.1.1:5000/repo:5050               | 192.168.1.1:5000 | repo                          | 5050          | -
            lowercase:Uppercase                      | docker.io        | library/lowercase             | Uppercase     | -
            sub-dom1.foo.com/bar/baz/quux:some-long-tag | sub-dom1.foo.com | bar/baz/quux               | some-long-tag | -
            b.gcr.io/test.example.com/my-app:test.example.com | b.gcr.io | test.example.com/my-app     | test.example.com | -
            xn--n3h.com/myimage:xn--n3h.com          | xn--n3h.com      | myimage                       | xn--n3h.com   | -
            foo/foo_bar.com:8080                     | docker.io        | foo/foo_bar.com               | 8080          | -
            docker---rules/docker                    | docker.io        | docker---rules/docker         | latest        | -
            dock__er/docker                          | docker.io        | dock__er/docker               | latest        | -
            d/docker                                 | docker.io        | d/docker                      | latest        | -
            Foo/bar                                  | Foo              | bar                           | latest        | -
            [2001:db8::1]/repo                       | [2001:db8::1]    | repo                          | latest        | -
            [2001:db8::1]:5000/repo:tag              | [2001:db8::1]:5000 | repo                        | tag           | -
            [::1]:5000/repo                          | [::1]:5000       | repo                          | latest        | -
            """)
    void parsesAndNormalises(String input, String registry, String repository, String tag, String digest) {
        ImageReference ref = ImageReference.parse(input);
        assertEquals(registry, ref.registry());
        assertEquals(repository, ref.repository());
        assertEquals(tag, ref.tag());
        assertNull(ref.digest());
    }

    @Test
    void digestWithAndWithoutTag() {
        ImageReference pinned = ImageReference.parse("test:5000/repo@sha256:" + F64);
        assertEquals("sha256:" + F64, pinned.digest().toString());
        assertNull(pinned.tag());
        assertEquals("sha256:" + F64, pinned.manifestReference());
        assertEquals("test:5000/repo@sha256:" + F64, pinned.toString());

        ImageReference both = ImageReference.parse("busybox:latest@sha256:" + F64);
        assertEquals("latest", both.tag());
        assertEquals("sha256:" + F64, both.manifestReference());
        assertEquals("docker.io/library/busybox:latest@sha256:" + F64, both.toString());

        ImageReference sha512 = ImageReference.parse("xn--7o8h.com/myimage:xn--7o8h.com@sha512:" + "f".repeat(128));
        assertEquals("sha512", sha512.digest().algorithm());
        assertEquals("xn--7o8h.com", sha512.tag());
    }

    @Test
    void apiHostAndLoopback() {
        assertEquals("registry-1.docker.io", ImageReference.parse("alpine").apiHost());
        assertEquals("quay.io", ImageReference.parse("quay.io/a/b").apiHost());
        assertEquals("myhost:5000", ImageReference.parse("MyHost:5000/a").apiHost());
        assertTrue(ImageReference.parse("localhost:5000/a").isLoopback());
        assertTrue(ImageReference.parse("127.0.0.1:5000/a").isLoopback());
        assertTrue(ImageReference.parse("[::1]:5000/a").isLoopback());
        assertFalse(ImageReference.parse("example.com:5000/a").isLoopback());
        assertFalse(ImageReference.parse("127.0.0.1.example.com/a").isLoopback());
        assertEquals("::1", ImageReference.parse("[::1]:5000/a").hostName());
    }

    @Test
    void nameLengthLimitCountsTheNormalisedName() {
        String ok = "example.com/" + "a/".repeat(121) + "a";
        assertEquals(255, ok.length());
        ImageReference.parse(ok + ":tag");
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> ImageReference.parse("a/".repeat(128) + "a:tag"));
        assertTrue(e.getMessage().contains("longer than 255"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", ":justtag", "@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "repo@sha256:ffffffffffffffffffffffffffffffffff",
            "validname@invaliddigest:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "Uppercase:tag", "test:5000/Uppercase/lowercase:tag", "docker/Docker", "docker.io/docker/Docker",
            "aa/asdf$$^/aa", "https://github.com/docker/docker", "-docker", "-docker/docker",
            "-docker.io/docker/docker", "docker///docker", "docker.io/docker///docker", "[fc00::1]",
            "[fc00::1]:5000", "fc00::1:5000/debian", "[fe80::1%eth0]:5000/debian",
            "[2001:db8:3:4::192.0.2.33]:5000/debian", "[2001:db8::1]:5000", "[2001:db8::1]:tag",
            "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "docker-/docker", "-docker-/docker",
            "____/____", "_docker/_docker", "dock..er/docker", "dock_.er/docker", "dock-.er/docker", "docker/",
            "repo:-tag", "repo:.tag", "repo:tag with space", "repo:a:b", "repo@sha256:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"})
    void rejectsInvalidReferencesAsUsageErrors(String input) {
        BulwarkException e = assertThrows(BulwarkException.class, () -> ImageReference.parse(input));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("invalid image reference"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void explainsWhatIsWrong() {
        assertTrue(message("Uppercase:tag").contains("must be lowercase"));
        assertTrue(message("repo@md5:" + "f".repeat(32)).contains("algorithm \"md5\" is not supported"));
        assertTrue(message("repo@sha256:abc").contains("is not valid"));
        assertTrue(message("repo:-x").contains("tag \"-x\" is not valid"));
        assertTrue(message("a".repeat(5000)).contains("longer than"));
        assertTrue(message("namespace-too-long_" + "x".repeat(250) + "/docker").contains("longer than 255"));
    }

    @Test
    void hostileInputIsFast() {
        String evil = "a" + "-a".repeat(120) + "!";
        long start = System.nanoTime();
        assertThrows(BulwarkException.class, () -> ImageReference.parse(evil));
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }

    private static String message(String input) {
        return assertThrows(BulwarkException.class, () -> ImageReference.parse(input)).getMessage();
    }
}
