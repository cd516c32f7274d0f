package dev.bulwark.engine.config.dockerfile;

import static dev.bulwark.engine.finding.Severity.HIGH;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The check for COPY and ADD of files that hold credentials: keys, tokens, cloud and registry logins. */
final class SecretFiles {
    private static final Set<String> NAMES = Set.of(".env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".npmrc",
            ".pypirc", ".netrc", ".git-credentials", "credentials", "credentials.json", ".htpasswd", ".dockercfg",
            "secrets.yml", "secrets.yaml", "secrets.json", "service-account.json", "terraform.tfvars",
            ".vault-token", "kubeconfig");
    private static final Set<String> SUFFIXES = Set.of(".pem", ".key", ".p12", ".pfx", ".jks", ".keystore",
            ".ppk", ".kdbx", ".tfstate");
    private static final Set<String> DIRECTORIES = Set.of(".aws", ".ssh", ".docker", ".kube", ".gnupg", ".azure",
            ".gcloud");
    private static final Set<String> HARMLESS_ENV = Set.of(".env.example", ".env.sample", ".env.template",
            ".env.dist");

    private SecretFiles() {
    }

    static DockerfileCheck copySecret() {
        CheckInfo info = new CheckInfo("dockerfile.copy-secret", "A file holding credentials is copied into the image",
                HIGH, "Keep credentials out of the build context (.dockerignore) and mount them at build time with"
                        + " 'RUN --mount=type=secret'.", List.of("https://docs.docker.com/build/building/secrets/"));
        return DockerfileCheck.of(info, (file, report) -> {
            for (String keyword : List.of("COPY", "ADD")) {
                InstructionChecks.forEach(file, keyword, report, (at, r) -> {
                    for (String source : InstructionChecks.sources(at.instruction())) {
                        if (isSecret(source)) {
                            r.add(at.stage(), at.instruction(), at.instruction().summary() + " copies '" + source
                                    + "', which holds credentials, into the image");
                        }
                    }
                });
            }
        });
    }

    static boolean isSecret(String source) {
        String path = source.toLowerCase(Locale.ROOT).replace('\\', '/');
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.split("/");
        for (String part : parts) {
            if (DIRECTORIES.contains(part)) {
                return true;
            }
        }
        String name = parts.length == 0 ? path : parts[parts.length - 1];
        if (NAMES.contains(name) || name.startsWith(".env.") && !HARMLESS_ENV.contains(name)) {
            return true;
        }
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
