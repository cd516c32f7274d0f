package dev.bulwark.engine.config.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.Misconfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each built-in check on a failing and a passing Dockerfile, beyond the upstream labelled cases. */
class DockerfileChecksTest {
    private final DockerfileScanner scanner = new DockerfileScanner();

    private List<Misconfiguration> findings(String id, String text) {
        return scanner.scan("Dockerfile", text.replace("¶", "\n").getBytes(StandardCharsets.UTF_8)).findings()
                .stream().filter(m -> m.checkId().equals(id)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            dockerfile.root-user; FROM a:1 AS b¶USER app¶FROM b¶USER 0:0; FROM a:1 AS b¶USER app¶FROM b
            dockerfile.root-user; FROM a:1¶USER root:root; FROM a:1¶USER 1000
            dockerfile.latest-tag; FROM registry:5000/team/app; FROM registry:5000/team/app@sha256:abc
            dockerfile.latest-tag; ARG V=latest¶FROM alpine:$V; ARG V¶FROM alpine$V
            dockerfile.unpinned-base; FROM alpine:3.20; FROM alpine:3.20@sha256:0123¶FROM scratch
            dockerfile.missing-healthcheck; FROM a:1 AS x¶HEALTHCHECK NONE¶FROM b:1; FROM a:1 AS x¶HEALTHCHECK NONE¶FROM x
            dockerfile.add-remote-url; FROM a:1¶ADD https://x.org/t.tgz /t/; FROM a:1¶ADD --checksum=sha256:00 https://x.org/t.tgz /t/
            dockerfile.add-instead-of-copy; FROM a:1¶ADD <<EOF /x¶hi¶EOF; FROM a:1¶ADD app.tar.xz /opt/¶ADD http://x/y /z
            dockerfile.copy-secret; FROM a:1¶COPY --chown=1 .env id_rsa ./; FROM a:1¶COPY .env.example ./
            dockerfile.copy-secret; FROM a:1¶COPY home/.aws/ /root/.aws/; FROM a:1¶COPY home/aws/ /root/
            dockerfile.copy-secret; FROM a:1¶ADD certs/server.pem /etc/; FROM a:1¶ADD certs/server.crt /etc/
            dockerfile.secret-in-env; FROM a:1¶ENV DB_PASSWORD=hunter2; FROM a:1¶ENV DB_PASSWORD_FILE=/run/secrets/db
            dockerfile.secret-in-env; ARG GITHUB_TOKEN¶FROM a:1; FROM a:1¶ENV API_KEY=
            dockerfile.pipe-to-shell; FROM a:1¶RUN curl -fsSL https://x.sh | sudo -E bash -; FROM a:1¶RUN curl -fsSLo i.sh https://x.sh && sha256sum -c s && sh i.sh
            dockerfile.pipe-to-shell; FROM a:1¶RUN sh -c "$(wget -qO- https://x.sh)"; FROM a:1¶RUN wget -qO- https://x/y.tgz | tar xz
            dockerfile.install-without-yes; FROM a:1¶RUN dnf install git; FROM a:1¶RUN dnf -y install git && microdnf install x
            dockerfile.install-without-yes; FROM a:1¶RUN zypper in git; FROM a:1¶RUN zypper --non-interactive in git && zypper -n in x
            dockerfile.apt-install-recommends; FROM a:1¶RUN apt-get install -y x; FROM a:1¶RUN apt-get install -y --no-install-recommends x
            dockerfile.package-cache-kept; FROM a:1¶RUN apk add curl; FROM a:1¶RUN apk add --no-cache curl
            dockerfile.package-cache-kept; FROM a:1¶RUN apt-get update && apt-get install -y x; FROM a:1¶RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x
            dockerfile.apt-upgrade; FROM a:1¶RUN apt-get update && apt-get -y upgrade; FROM a:1¶RUN apt-get update && apt-get install -y --only-upgrade x
            dockerfile.update-alone; FROM a:1¶RUN apk update; FROM a:1¶RUN apk update && apk add x
            dockerfile.pip-cache; FROM a:1¶RUN python3 -m pip install requests; FROM a:1¶ENV PIP_NO_CACHE_DIR=1¶RUN pip3 install requests
            dockerfile.sudo; FROM a:1¶RUN apt-get update && sudo make install; FROM a:1¶RUN echo sudo
            dockerfile.run-cd; FROM a:1¶RUN cd /src && make; FROM a:1¶RUN (cd /src && make)
            dockerfile.shell-form-command; FROM a:1¶ENTRYPOINT exec java -jar app.jar; FROM a:1¶ENTRYPOINT ["java"]¶CMD ["-jar", "app.jar"]
            dockerfile.port-out-of-range; FROM a:1¶EXPOSE 70000-70001/udp; FROM a:1¶EXPOSE 8000-8010/udp ${UNSET}
            dockerfile.expose-ssh; FROM a:1¶EXPOSE 20-30; FROM a:1¶EXPOSE 2222
            dockerfile.relative-workdir; FROM a:1¶WORKDIR app; FROM a:1¶WORKDIR $HOME/app
            dockerfile.copy-from-self; FROM a:1 AS one¶COPY --from=ONE /a /b; FROM a:1 AS one¶FROM b:1¶COPY --from=one /a /b
            dockerfile.duplicate-stage-name; FROM a:1 AS x¶FROM b:1 AS X; FROM a:1 AS x¶FROM b:1 AS y
            dockerfile.multiple-cmd; FROM a:1¶CMD ["a"]¶CMD ["b"]; FROM a:1¶CMD ["a"]¶FROM b:1¶CMD ["b"]
            """)
    void failsAndPasses(String id, String bad, String good) {
        assertTrue(scanner.checks().stream().anyMatch(c -> c.id().equals(id)), id);
        assertTrue(!findings(id, bad).isEmpty(), id + " must report: " + bad);
        assertEquals(List.of(), findings(id, good), id + " must pass: " + good);
    }

    @Test
    void findingsNameTheInstructionLinesAndStage() {
        List<Misconfiguration> found = findings("dockerfile.pipe-to-shell",
                "FROM a:1 AS tools¶RUN set -e; \\¶  # fetch¶  curl https://x | \\¶  sh¶USER app");
        assertEquals(1, found.size());
        Misconfiguration m = found.get(0);
        assertEquals(2, m.location().startLine());
        assertEquals(5, m.location().endLine());
        assertEquals("tools", m.location().resource());
        assertTrue(m.message().startsWith("RUN set -e;"), m.message());
        assertTrue(!m.remediation().isBlank() && !m.title().isBlank());
    }

    @Test
    void checkIdsAreUniqueAndNamespaced() {
        List<String> ids = scanner.checks().stream().map(CheckInfo::id).toList();
        Set<String> unique = ids.stream().collect(Collectors.toSet());
        assertEquals(ids.size(), unique.size(), ids.toString());
        assertTrue(ids.size() >= 25, ids.toString());
        assertTrue(ids.stream().allMatch(i -> i.matches("dockerfile\\.[a-z0-9-]+")), ids.toString());
    }
}
