package dev.bulwark.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PackageUrlsTest {
    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)",
            null, "etc/os-release");

    @TestFactory
    Stream<DynamicTest> buildsTheCanonicalFormOfEverySpecCase() throws IOException {
        JsonNode cases = specCases().get("build");
        assertTrue(cases.size() > 30, "the spec case file lost its cases");
        return stream(cases).map(c -> DynamicTest.dynamicTest(c.get("from").asText() + ": "
                + c.get("description").asText(), () -> assertEquals(c.get("canonical").asText(), build(c))));
    }

    @TestFactory
    Stream<DynamicTest> rejectsTheSpecsInvalidComponents() throws IOException {
        return stream(specCases().get("invalid")).map(c -> DynamicTest.dynamicTest(c.get("description").asText(),
                () -> assertEquals(ErrorKind.INVALID_INPUT,
                        assertThrows(BulwarkException.class, () -> build(c)).kind())));
    }

    @Test
    void debKeepsTheEpochAndEncodesThePlus() {
        // pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64 is the example in PURL-TYPES (deb).
        Package attr = deb("attr", "1:2.4.47-2+b1", "amd64", null, null);
        assertEquals("pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64", PackageUrls.of(attr, null));
    }

    @Test
    void rpmMovesTheEpochToAQualifier() {
        // Both purls are the spec's own (PURL-TYPES rpm examples and rpm-test.json validation input).
        Distro fedora = new Distro("fedora", "25", null, "Fedora 25", null, "etc/os-release");
        Package curl = new Package("rpm", "curl", "7.50.3-1.fc25", "i386", null, null, null, "rpm", null, null,
                null);
        Package centerim = new Package("rpm", "centerim", "1:4.22.10-1.el6", "i686", null, null, null, "rpm", null,
                null, null);
        assertEquals("pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25", PackageUrls.of(curl, fedora));
        assertEquals("pkg:rpm/fedora/centerim@4.22.10-1.el6?arch=i686&distro=fedora-25&epoch=1",
                PackageUrls.of(centerim, fedora));
    }

    @Test
    void apkNamesItsUpstream() {
        // apk-test.json: pkg:apk/alpine/libcrypto3@3.5.5-r0?arch=x86_64&distro=alpine-edge&upstream=openssl
        Distro edge = new Distro("alpine", "edge", null, "Alpine Linux edge", null, "etc/os-release");
        Package libcrypto = new Package("apk", "libcrypto3", "3.5.5-r0", "x86_64", "openssl", null, null, "apk",
                null, null, null);
        assertEquals("pkg:apk/alpine/libcrypto3@3.5.5-r0?arch=x86_64&distro=alpine-edge&upstream=openssl",
                PackageUrls.of(libcrypto, edge));
    }

    @Test
    void languageEcosystemsFollowTheirTypeRules() {
        // Every expected value is an example from PURL-TYPES.rst.
        assertEquals("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1",
                of("maven", "org.apache.xmlgraphics:batik-anim", "1.9.1"));
        assertEquals("pkg:npm/%40angular/animation@12.3.1", of("npm", "@angular/animation", "12.3.1"));
        assertEquals("pkg:npm/foobar@12.3.1", of("npm", "foobar", "12.3.1"));
        assertEquals("pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c",
                of("golang", "github.com/gorilla/context", "234fd47e07d1004f0aed9c"));
        assertEquals("pkg:composer/laravel/laravel@5.5.0", of("composer", "Laravel/Laravel", "5.5.0"));
        assertEquals("pkg:pypi/django@1.11.1", of("pypi", "Django", "1.11.1"));
        assertEquals("pkg:pypi/django-allauth@12.23", of("pypi", "django_allauth", "12.23"));
        assertEquals("pkg:cargo/rand@0.7.2", of("cargo", "rand", "0.7.2"));
        assertEquals("pkg:gem/ruby-advisory-db-check@0.12.4", of("gem", "ruby-advisory-db-check", "0.12.4"));
        assertEquals("pkg:nuget/EnterpriseLibrary.Common@6.0.1304", of("nuget", "EnterpriseLibrary.Common",
                "6.0.1304"));
    }

    @Test
    void pypiFoldsRunsOfSeparators() {
        // PEP 503 normalization as the pypi type definition states it.
        assertEquals("pkg:pypi/zope-interface@1", of("pypi", "Zope._-Interface", "1"));
    }

    @Test
    void realDpkgPackagesSurviveTheRoundTrip() throws Exception {
        List<String[]> rows = dpkgQuery("bsdutils", "libc6", "cpp", "dmsetup", "bash");
        assertFalse(rows.isEmpty(), "dpkg-query listed none of the probe packages");
        boolean sawEpoch = false;
        boolean sawUpstream = false;
        for (String[] row : rows) {
            Package pkg = deb(row[0], row[1], row[2], row[3], row[4]);
            String purl = PackageUrls.of(pkg, BOOKWORM);
            Map<String, String> parts = decode(purl);
            assertEquals("deb", parts.get("type"), purl);
            assertEquals("debian", parts.get("namespace"), purl);
            assertEquals(row[0], parts.get("name"), purl);
            assertEquals(row[1], parts.get("version"), purl);
            assertEquals(row[2], parts.get("arch"), purl);
            assertEquals("debian-12", parts.get("distro"), purl);
            assertFalse(purl.contains("+"), "a plus sign must be encoded: " + purl);
            sawEpoch |= row[1].contains(":");
            boolean sourceDiffers = !row[3].equals(row[0]) || !row[4].equals(row[1]);
            if (sourceDiffers) {
                String expected = row[4].equals(row[1]) ? row[3] : row[3] + "@" + row[4];
                assertEquals(expected, parts.get("upstream"), purl);
                sawUpstream = true;
            } else {
                assertFalse(parts.containsKey("upstream"), purl);
            }
        }
        assertTrue(sawEpoch && sawUpstream, "the probe packages no longer cover an epoch and a differing source");
    }

    @Test
    void hostileNamesCannotInjectSeparators() {
        String name = "evil/../pkg?x=1&y#frag@2 \u0007\n\u00e9\u202e";
        String purl = PackageUrls.of(new Package("cargo", name, "1.0+x/y", null, null, null, null, "t", null, null,
                null), null);
        assertTrue(purl.chars().allMatch(c -> c > 0x20 && c < 0x7f), "purl must be printable ASCII: " + purl);
        Map<String, String> parts = decode(purl);
        assertEquals(name, parts.get("name"));
        assertEquals("1.0+x/y", parts.get("version"));
        assertFalse(parts.containsKey("namespace"));
    }

    @Test
    void anEmptyNameIsAClearError() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> PackageUrls.of(deb("", "1.0", "amd64", null, null), BOOKWORM));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void qualifierKeysAreSortedAndEmptyValuesDropped() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("Zeta", "1");
        q.put("alpha", "");
        q.put("beta", "two words");
        assertEquals("pkg:generic/x@1?beta=two%20words&zeta=1", PackageUrls.build("generic", null, "x", "1", q,
                null));
    }

    private static String of(String type, String name, String version) {
        return PackageUrls.of(new Package(type, name, version, null, null, null, null, "test", null, null, null),
                null);
    }

    private static Package deb(String name, String version, String arch, String source, String sourceVersion) {
        return new Package("deb", name, version, arch, source, sourceVersion, null, "dpkg", "var/lib/dpkg/status",
                null, null);
    }

    private static String build(JsonNode c) {
        Map<String, String> qualifiers = null;
        if (c.hasNonNull("qualifiers")) {
            qualifiers = new LinkedHashMap<>();
            for (var it = c.get("qualifiers").fields(); it.hasNext();) {
                var e = it.next();
                qualifiers.put(e.getKey(), e.getValue().asText());
            }
        }
        return PackageUrls.build(text(c, "type"), text(c, "namespace"), text(c, "name"), text(c, "version"),
                qualifiers, text(c, "subpath"));
    }

    private static String text(JsonNode c, String field) {
        return c.hasNonNull(field) ? c.get(field).asText() : null;
    }

    private static JsonNode specCases() throws IOException {
        try (InputStream in = PackageUrlsTest.class.getResourceAsStream("purl-spec-cases.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    /** A minimal purl parser (the spec's "how to parse" steps), enough to check what was built. */
    private static Map<String, String> decode(String purl) {
        Map<String, String> parts = new LinkedHashMap<>();
        assertTrue(purl.startsWith("pkg:"), purl);
        String rest = purl.substring(4);
        assertFalse(rest.contains("#"), purl);
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                parts.put(pair.substring(0, eq), unescape(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            parts.put("version", unescape(rest.substring(at + 1)));
            rest = rest.substring(0, at);
        }
        int slash = rest.indexOf('/');
        parts.put("type", rest.substring(0, slash));
        rest = rest.substring(slash + 1);
        int last = rest.lastIndexOf('/');
        if (last >= 0) {
            parts.put("namespace", unescape(rest.substring(0, last)));
        }
        parts.put("name", unescape(rest.substring(last + 1)));
        return parts;
    }

    private static String unescape(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static List<String[]> dpkgQuery(String... packages) throws Exception {
        List<String> command = new ArrayList<>(List.of("dpkg-query", "-W", "-f",
                "${Package}\\t${Version}\\t${Architecture}\\t${source:Package}\\t${source:Version}\\n"));
        command.addAll(List.of(packages));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            fail("dpkg-query is needed for this test (apt package: dpkg): " + e.getMessage());
            return List.of();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("dpkg-query did not finish in 30 s");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 5) {
                rows.add(f);
            }
        }
        return rows;
    }
}
