package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build arguments of history lines in the formats buildah and BuildKit write, and their redaction. */
class BuildArgsTest {

    @Test
    void parsesBuildahAndBuildKitLines() {
        assertEquals(Map.of("DB_PASSWORD", "hunter2-build-secret", "VERSION", "1.2"),
                BuildArgs.parse("|2 DB_PASSWORD=hunter2-build-secret VERSION=1.2 /bin/sh -c make"));
        assertEquals(Map.of("TOKEN", "abc"), BuildArgs.parse("RUN |1 TOKEN=abc /bin/sh -c x # buildkit"),
                "the last value ends at the first space");
        assertEquals(Map.of(), BuildArgs.parse("/bin/sh -c make"));
        assertEquals(Map.of(), BuildArgs.parse("|99999999999 A=1 /bin/sh -c x"), "hostile count");
    }

    @Test
    void redactsOnlyCredentialValues() {
        assertEquals("|2 DB_PASSWORD=hu******** VERSION=1.2 /bin/sh -c make DB_PASSWORD=x",
                BuildArgs.redact("|2 DB_PASSWORD=hunter2-build-secret VERSION=1.2 /bin/sh -c make DB_PASSWORD=x"));
        assertEquals("  RUN |1 API_TOKEN=ab******** /bin/sh -c curl # buildkit",
                BuildArgs.redact("  RUN |1 API_TOKEN=abcdefghijkl /bin/sh -c curl # buildkit"));
        assertEquals("|1 GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D /bin/sh -c x",
                BuildArgs.redact("|1 GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D /bin/sh -c x"),
                "a key fingerprint is not a credential");
        assertEquals("/bin/sh -c echo hi", BuildArgs.redact("/bin/sh -c echo hi"));
        assertEquals("|1 PASSWORD=$SECRET /bin/sh -c x", BuildArgs.redact("|1 PASSWORD=$SECRET /bin/sh -c x"));
        assertNull(BuildArgs.redact(null));
        assertEquals("|x garbage", BuildArgs.redact("|x garbage"));
    }
}
