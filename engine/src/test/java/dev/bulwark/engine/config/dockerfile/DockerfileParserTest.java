package dev.bulwark.engine.config.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parser behaviour taken from the BuildKit Dockerfile reference (heredocs, ${VAR-word}, stage scoping) where the
 * podman on CI (buildah's imagebuilder) does not implement it; {@link DockerfilePodmanTest} covers the rest.
 */
class DockerfileParserTest {
    private final List<String> warnings = new ArrayList<>();

    private Dockerfile parse(String text) {
        return new DockerfileParser((code, message) -> warnings.add(code + ": " + message))
                .parse("Dockerfile", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Instruction at(Dockerfile file, int stage, int index) {
        return file.stages().get(stage).instructions().get(index);
    }

    @Test
    void heredocsFromTheReference() {
        Dockerfile f = parse("""
                # syntax=docker/dockerfile:1
                FROM debian
                RUN <<EOT bash
                  set -ex
                  apt-get update
                EOT
                RUN <<-"EOF" python3
                \tprint("$HOME")
                \tEOF
                COPY <<EOF1 <<EOF2 /dest/
                one
                EOF1
                two
                EOF2
                RUN cat <<'A' > /x && echo "<<NOT" done
                $A
                A
                USER app
                """);
        assertEquals(Map.of("syntax", "docker/dockerfile:1"), f.directives());
        Instruction bash = at(f, 0, 0);
        assertEquals(List.of(new Heredoc("EOT", "  set -ex\n  apt-get update\n", true, false)), bash.heredocs());
        assertEquals(3, bash.startLine());
        assertEquals(6, bash.endLine());
        Instruction py = at(f, 0, 1);
        assertEquals(List.of(new Heredoc("EOF", "print(\"$HOME\")\n", false, true)), py.heredocs());
        Instruction copy = at(f, 0, 2);
        assertEquals(List.of("<<EOF1", "<<EOF2", "/dest/"), copy.args());
        assertEquals(List.of("one\n", "two\n"), copy.heredocs().stream().map(Heredoc::body).toList());
        assertEquals(10, copy.startLine());
        assertEquals(14, copy.endLine());
        Instruction cat = at(f, 0, 3);
        assertEquals(1, cat.heredocs().size());
        assertEquals("$A\n", cat.heredocs().get(0).body());
        assertFalse(cat.heredocs().get(0).expand());
        assertEquals("USER", at(f, 0, 4).keyword());
        assertEquals(18, at(f, 0, 4).startLine());
        assertTrue(RunScript.of(bash).contains("apt-get update"), "a heredoc run by bash is the script");
        assertFalse(RunScript.of(py).contains("print"), "a heredoc fed to python is not shell");
    }

    @Test
    void expansionModifiersFromTheReference() {
        Dockerfile f = parse("""
                FROM scratch
                ARG EMPTY=
                ARG SET=x
                ENV A=${EMPTY-dash} B=${EMPTY:-colon} C=${UNSET-u} D=${EMPTY+plus} E=${EMPTY:+cplus} \\
                    F=${SET:+${SET}y} G='${SET}' H=\\$SET I="${SET}"'${SET}' J=$ K=${SET}$
                """);
        assertEquals(List.of("A=", "B=colon", "C=u", "D=plus", "E=", "F=xy", "G=${SET}", "H=$SET", "I=x${SET}",
                "J=$", "K=x$"), at(f, 0, 2).args());
        assertEquals(4, at(f, 0, 2).startLine());
        assertEquals(5, at(f, 0, 2).endLine());
    }

    @Test
    void stageScopesAndReferences() {
        Dockerfile f = parse("""
                ARG IMG=alpine:3.20
                ARG UNSETBASE
                FROM ${IMG} AS Build
                RUN echo $IMG
                COPY --from=0 --chown=${IMG} a b
                FROM build AS next
                FROM $UNSETBASE
                ONBUILD RUN echo $X
                FROM --platform=$BUILDPLATFORM next
                """);
        assertEquals(2, f.globalArgs().size());
        Stage build = f.stages().get(0);
        assertEquals("build", build.name());
        assertEquals("alpine:3.20", build.baseImage());
        assertTrue(build.baseResolved());
        assertEquals(List.of("echo $IMG"), build.instructions().get(0).args(), "RUN is not expanded");
        Instruction copy = build.instructions().get(1);
        assertEquals("0", copy.flag("from").orElseThrow());
        assertEquals("", copy.flag("chown").orElseThrow(), "global ARGs are not seen inside a stage");
        assertEquals(0, f.stages().get(1).baseStage());
        assertFalse(f.stages().get(2).baseResolved());
        Instruction onbuild = f.stages().get(2).instructions().get(0);
        assertEquals("RUN", onbuild.trigger().keyword());
        assertEquals(List.of("echo $X"), onbuild.trigger().args());
        assertEquals("", f.stages().get(3).from().flag("platform").orElseThrow());
        assertEquals(1, f.stages().get(3).baseStage());
        assertNull(f.stages().get(2).name());
    }

    @Test
    void execAndShellForms() {
        Dockerfile f = parse("""
                FROM scratch
                CMD ["run", "--port", "80"]
                ENTRYPOINT [not json]
                HEALTHCHECK --interval=5s CMD ["/bin/check", "-q"]
                SHELL ["/bin/bash", "-c"]
                run echo lower case keyword
                """);
        assertTrue(at(f, 0, 0).execForm());
        assertEquals(List.of("run", "--port", "80"), at(f, 0, 0).args());
        assertFalse(at(f, 0, 1).execForm());
        assertEquals(List.of("[not json]"), at(f, 0, 1).args());
        assertEquals(List.of("CMD", "/bin/check", "-q"), at(f, 0, 2).args());
        assertTrue(at(f, 0, 2).execForm());
        assertEquals("5s", at(f, 0, 2).flag("interval").orElseThrow());
        assertEquals("RUN", at(f, 0, 4).keyword());
    }

    @Test
    void backtickEscapeKeepsWindowsPaths() {
        Dockerfile f = parse("""
                # escape=`
                FROM mcr.microsoft.com/windows/servercore
                WORKDIR c:\\app
                ENV P=c:\\tools\\bin Q=a`$b
                RUN dir `
                    c:\\
                """);
        assertEquals('`', f.escape());
        assertEquals(List.of("c:\\app"), at(f, 0, 0).args());
        assertEquals(List.of("P=c:\\tools\\bin", "Q=a$b"), at(f, 0, 1).args());
        assertEquals(List.of("dir     c:\\"), at(f, 0, 2).args());
    }

    @Test
    void directivesStopAtTheFirstOtherLineAndUnknownOnesWarn() {
        Dockerfile f = parse("""
                # unknowndirective=1
                # Syntax = docker/dockerfile:1.7
                # a comment
                # escape=`
                FROM scratch
                """);
        assertEquals(Map.of("syntax", "docker/dockerfile:1.7"), f.directives());
        assertEquals('\\', f.escape());
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void oddLinesBecomeWarnings() {
        Dockerfile f = parse("""
                RUN before from
                FROM scratch extra words
                BOGUS thing
                ENV novalue=1 =bad
                ENV X=${UNCLOSED
                ENV Y=${X/a/b}
                RUN a \\

                  b
                """);
        assertEquals(1, f.stages().size());
        assertEquals(7, warnings.size(), warnings.toString());
        assertEquals(List.of("novalue=1"), at(f, 0, 1).args());
        assertEquals("RUN", at(f, 0, 4).keyword());
        assertEquals(List.of("a   b"), at(f, 0, 4).args());
    }
}
