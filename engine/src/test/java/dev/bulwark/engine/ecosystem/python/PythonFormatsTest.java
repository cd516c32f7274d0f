package dev.bulwark.engine.ecosystem.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Format rules from the specifications: PEP 503 names, pip's requirement syntax (PEP 508 pins), core metadata
 * licenses (PEP 639 License-Expression first), uv's dependency groups; paths that count as installed.
 */
class PythonFormatsTest {
    private final List<String> warnings = new ArrayList<>();

    private List<Package> parse(String path, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        return new PythonCataloger().parse(new CatalogFile(path, data.length, new ByteArrayInputStream(data)),
                (c, m) -> warnings.add(c));
    }

    @Test
    void pep503Names() {
        assertEquals("friendly-bard", Pep503.normalize("Friendly-Bard"));
        assertEquals("friendly-bard", Pep503.normalize("FRIENDLY-BARD"));
        assertEquals("friendly-bard", Pep503.normalize("friendly.bard"));
        assertEquals("friendly-bard", Pep503.normalize("friendly_bard"));
        assertEquals("friendly-bard", Pep503.normalize("friendly--bard"));
        assertEquals("friendly-bard", Pep503.normalize("FrIeNdLy-._.-bArD"));
    }

    @Test
    void requirementPins() {
        assertArrayEquals(new String[] {"requests", "2.31.0"}, RequirementsParser.pinned("Requests==2.31.0"));
        assertArrayEquals(new String[] {"uvicorn", "0.30.1"},
                RequirementsParser.pinned("uvicorn[standard]==0.30.1 ; python_version >= \"3.8\""));
        assertArrayEquals(new String[] {"zope-interface", "6.0"}, RequirementsParser.pinned("zope.interface===6.0"));
        assertNull(RequirementsParser.pinned("brotlipy==0.7.*"));
        assertNull(RequirementsParser.pinned("django>=4,<5"));
        assertNull(RequirementsParser.pinned("django==4.2,!=4.2.1"));
        assertNull(RequirementsParser.pinned("pkg @ https://example.com/pkg-1.0.tar.gz"));
    }

    @Test
    void requirementsWithHashesContinuationsAndOptions() throws IOException {
        String text = "--index-url https://example.com/simple\n-r base.txt\n"
                + "certifi==2024.7.4 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n"
                + "idna==3.7  # via requests\nflask>=3\n";
        List<Package> found = parse("requirements/dev.txt", text);
        assertEquals(List.of("certifi@2024.7.4", "idna@3.7"),
                found.stream().map(p -> p.name() + "@" + p.version()).toList());
        assertEquals(List.of(true, true), found.stream().map(p -> p.has(PackageFlag.DEVELOPMENT)).toList());
        assertEquals(List.of("python.unpinned-requirements"), warnings);
    }

    @Test
    void licensePrecedence() throws IOException {
        String head = "Metadata-Version: 2.4\nName: Demo_Pkg\nVersion: 1.0\n";
        assertEquals(List.of("MIT OR Apache-2.0"), parse("site-packages/d.dist-info/METADATA", head
                + "License: MIT\nLicense-Expression: MIT OR Apache-2.0\n").get(0).licenses());
        assertEquals(List.of("BSD License"), parse("site-packages/d.dist-info/METADATA", head
                + "License: Copyright (c) someone\n        All rights reserved long text follows\n"
                + "Classifier: License :: OSI Approved :: BSD License\n\nLicense: not a header\n")
                .get(0).licenses());
        assertEquals("demo-pkg", parse("site-packages/d.dist-info/METADATA", head).get(0).name());
    }

    @Test
    void uvDevelopmentGroups() throws IOException {
        // The shape uv documents for a project with a dev dependency group.
        String lock = """
                version = 1
                [[package]]
                name = "app"
                version = "0.1.0"
                source = { editable = "." }
                dependencies = [{ name = "httpx" }]
                [package.dev-dependencies]
                dev = [{ name = "pytest" }, { name = "httpx" }]
                [[package]]
                name = "httpx"
                version = "0.27.0"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [{ name = "idna" }]
                [[package]]
                name = "idna"
                version = "3.7"
                source = { registry = "https://pypi.org/simple" }
                [[package]]
                name = "pytest"
                version = "8.2.0"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [{ name = "pluggy" }]
                [[package]]
                name = "pluggy"
                version = "1.5.0"
                source = { registry = "https://pypi.org/simple" }
                """;
        List<String> found = parse("uv.lock", lock).stream()
                .map(p -> p.name() + "@" + p.version() + (p.has(PackageFlag.DEVELOPMENT) ? " dev" : "") + " "
                        + p.dependsOn())
                .toList();
        assertEquals(List.of("httpx@0.27.0 [idna@3.7]", "idna@3.7 []", "pytest@8.2.0 dev [pluggy@1.5.0]",
                "pluggy@1.5.0 dev []"), found);
    }

    @Test
    void installedPathsOnly() {
        PythonCataloger c = new PythonCataloger();
        assertEquals(true, c.wants("usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA"));
        assertEquals(true, c.wants("opt/venv/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA"));
        assertEquals(true, c.wants("usr/lib/python3/dist-packages/crit-3.17.1-py3.11.egg-info"));
        assertEquals(true, c.wants("usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO"));
        assertEquals(false, c.wants("src/mypkg.egg-info/PKG-INFO"));
        assertEquals(false, c.wants("usr/lib/python3/dist-packages/foo/requirements.txt"));
        assertEquals(true, c.wants("app/requirements-dev.txt"));
        assertEquals(true, c.wants("app/requirements/base.txt"));
        assertEquals(false, c.wants("app/notes.txt"));
    }
}
