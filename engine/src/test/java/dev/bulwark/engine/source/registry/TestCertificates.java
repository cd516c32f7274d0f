package dev.bulwark.engine.source.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A test CA and a server certificate for 127.0.0.1/localhost signed by it, plus a self-signed key pair for signing
 * registry tokens; made with openssl once and cached in the fixture cache.
 */
public record TestCertificates(Path dir) {
    private static final String VERSION = "v1";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public Path caCert() {
        return dir.resolve("ca.crt");
    }

    public Path serverCert() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** A second, unrelated CA: trusting it must not make the registry's certificate valid. */
    public Path otherCaCert() {
        return dir.resolve("other-ca.crt");
    }

    public Path tokenCert() {
        return dir.resolve("token.crt");
    }

    /** The token signing key in PKCS#8 PEM, for {@link TokenServer}. */
    public Path tokenKey() {
        return dir.resolve("token.pk8");
    }

    /** A server-side TLS context presenting {@link #serverCert()} with {@link #serverKey()}, for test HTTPS servers. */
    public SSLContext serverContext() throws Exception {
        String pem = Files.readString(serverKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(pem)));
        Certificate cert;
        try (InputStream in = Files.newInputStream(serverCert())) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    public static synchronized TestCertificates get() {
        Path dir = ToolRunner.cacheDir("registry-tls", VERSION);
        TestCertificates certs = new TestCertificates(dir);
        if (Files.isRegularFile(dir.resolve("done"))) {
            return certs;
        }
        try {
            Path tmp = Files.createTempDirectory("tls");
            String[] ca = {"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650"};
            ToolRunner.run(tmp, TIMEOUT, concat(ca, "-keyout", "ca.key", "-out", "ca.crt", "-subj",
                    "/CN=Bulwark Test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign"));
            ToolRunner.run(tmp, TIMEOUT, concat(ca, "-keyout", "other-ca.key", "-out", "other-ca.crt", "-subj",
                    "/CN=Unrelated Test CA", "-addext", "basicConstraints=critical,CA:TRUE"));
            ToolRunner.run(tmp, TIMEOUT, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
                    "-out", "server.csr", "-subj", "/CN=127.0.0.1");
            Files.writeString(tmp.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                    + "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
            ToolRunner.run(tmp, TIMEOUT, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey",
                    "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "3650", "-extfile", "server.ext");
            ToolRunner.run(tmp, TIMEOUT, concat(ca, "-keyout", "token.key", "-out", "token.crt", "-subj",
                    "/CN=Bulwark Test Token Issuer"));
            ToolRunner.run(tmp, TIMEOUT, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "token.key", "-out",
                    "token.pk8");
            Files.createDirectories(dir);
            for (String f : new String[] {"ca.crt", "other-ca.crt", "server.crt", "server.key", "token.crt",
                    "token.pk8"}) {
                Files.copy(tmp.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("done"), VERSION);
            return certs;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create test certificates: " + e.getMessage(), e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
