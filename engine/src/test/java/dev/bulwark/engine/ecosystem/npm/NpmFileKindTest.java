package dev.bulwark.engine.ecosystem.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which files count as installed packages: the directories node's module lookup can load, nothing deeper. */
class NpmFileKindTest {
    @Test
    void installedPackageDirectoriesOnly() {
        assertEquals(NpmFileKind.INSTALLED, NpmFileKind.of("node_modules/lodash/package.json"));
        assertEquals(NpmFileKind.INSTALLED, NpmFileKind.of("app/node_modules/@babel/core/package.json"));
        assertEquals(NpmFileKind.INSTALLED, NpmFileKind.of("node_modules/a/node_modules/b/package.json"));
        assertEquals(NpmFileKind.INSTALLED,
                NpmFileKind.of("node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json"));
        assertNull(NpmFileKind.of("node_modules/lodash/test/fixtures/package.json"));
        assertNull(NpmFileKind.of("node_modules/@babel/package.json"));
        assertNull(NpmFileKind.of("node_modules/.bin/package.json"));
        assertNull(NpmFileKind.of("node_modules/a/package-lock.json"));
        assertNull(NpmFileKind.of("node_modules/a/yarn.lock"));
        assertNull(NpmFileKind.of("not_node_modules/a/package-lock.json") == NpmFileKind.PACKAGE_LOCK ? null : "x");
        assertEquals(NpmFileKind.MANIFEST, NpmFileKind.of("package.json"));
        assertEquals(NpmFileKind.MANIFEST, NpmFileKind.of("srv/app/package.json"));
        assertEquals(NpmFileKind.PACKAGE_LOCK, NpmFileKind.of("srv/app/npm-shrinkwrap.json"));
        assertEquals(NpmFileKind.PNPM_LOCK, NpmFileKind.of("pnpm-lock.yaml"));
        NpmCataloger c = new NpmCataloger();
        assertTrue(c.wants("usr/lib/node_modules/npm/package.json"));
        assertFalse(c.wants("usr/lib/node_modules/npm/lib/index.js"));
        assertFalse(c.wants("etc/passwd"));
    }
}
