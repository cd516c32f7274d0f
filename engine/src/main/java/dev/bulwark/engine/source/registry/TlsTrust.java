package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust a registry connection uses: the JDK's system trust store plus any {@code --ca-cert} PEM files, with
 * hostname verification; or, only when the user asked for {@code --insecure}, no verification at all.
 */
public final class TlsTrust {
    private TlsTrust() {
    }

    /**
     * Gives an HTTP client the trust for {@code caCerts} (extra PEM files, may be empty) on top of system trust, or,
     * with {@code insecure}, trusting all. The TLS context is set up by the first TLS connection rather than now: the
     * JDK's context and its default parameters cost a fresh JVM 120–170 ms (cipher-suite tables are built in static
     * initialisers), which a pull from a plain-HTTP loopback registry never needs. The {@code --ca-cert} files are
     * still read now, so a missing or malformed one is reported before any connection. The client is given
     * parameters that leave protocols and cipher suites to the context (null means "keep the engine's own"), or it
     * would ask the context for its defaults when it is built.
     */
    public static HttpClient.Builder configure(HttpClient.Builder client, List<Path> caCerts, boolean insecure) {
        TrustManager trust = insecure ? new TrustingEverything() : verifying(caCerts);
        return client.sslContext(new DeferredContext(new DeferredSpi(() -> initialised(trust))))
                .sslParameters(new SSLParameters());
    }

    private static SSLContext initialised(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new BulwarkException(ErrorKind.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static final class DeferredContext extends SSLContext {
        DeferredContext(SSLContextSpi spi) {
            super(spi, null, "TLS");
        }
    }

    /** Builds the real context on first use and hands every call to it. */
    private static final class DeferredSpi extends SSLContextSpi {
        private final java.util.function.Supplier<SSLContext> source;
        private volatile SSLContext real;

        DeferredSpi(java.util.function.Supplier<SSLContext> source) {
            this.source = source;
        }

        private SSLContext real() {
            SSLContext r = real;
            if (r == null) {
                synchronized (this) {
                    r = real;
                    if (r == null) {
                        r = source.get();
                        real = r;
                    }
                }
            }
            return r;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            // Deliberate: this context got its trust when it was made, and no caller may swap it for other managers.
            throw new UnsupportedOperationException("this TLS context is set up with its trust managers already");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }

    /**
     * The system trust store (≈140 certificates) is loaded only when the first TLS handshake needs it: a pull from a
     * plain-HTTP loopback registry never does, and building the HTTP client no longer costs its parsing. The
     * {@code --ca-cert} files are read now, so a missing or malformed one is still reported before any connection.
     */
    private static X509TrustManager verifying(List<Path> caCerts) {
        List<Certificate> extra = new java.util.ArrayList<>();
        for (Path file : caCerts) {
            extra.addAll(readPem(file));
        }
        return new DeferredTrust(() -> combined(extra));
    }

    private static X509TrustManager combined(List<Certificate> extra) throws GeneralSecurityException {
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        if (extra.isEmpty()) {
            return firstX509(system);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int n = 0;
        for (X509Certificate issuer : firstX509(system).getAcceptedIssuers()) {
            store.setCertificateEntry("system-" + n++, issuer);
        }
        for (Certificate cert : extra) {
            store.setCertificateEntry("ca-cert-" + n++, cert);
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(store);
        return firstX509(combined);
    }

    private static Collection<? extends Certificate> readPem(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BulwarkException(ErrorKind.USAGE, "--ca-cert " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new BulwarkException(ErrorKind.USAGE, "--ca-cert " + file + ": no certificate in the file");
            }
            return certs;
        } catch (IOException | CertificateException e) {
            throw new BulwarkException(ErrorKind.USAGE, "--ca-cert " + file
                    + ": not a PEM or DER X.509 certificate file");
        }
    }

    private static X509TrustManager firstX509(TrustManagerFactory factory) {
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X509TrustManager");
    }

    /** Builds the real trust manager on first use and delegates to it (hostname checks included). */
    private interface TrustSource {
        X509TrustManager load() throws GeneralSecurityException;
    }

    private static final class DeferredTrust extends X509ExtendedTrustManager {
        private final TrustSource source;
        private volatile X509TrustManager loaded;

        DeferredTrust(TrustSource source) {
            this.source = source;
        }

        private X509TrustManager trust() throws CertificateException {
            X509TrustManager t = loaded;
            if (t == null) {
                synchronized (this) {
                    t = loaded;
                    if (t == null) {
                        try {
                            t = source.load();
                        } catch (GeneralSecurityException e) {
                            throw new CertificateException("cannot load the trust store: " + e.getMessage(), e);
                        }
                        loaded = t;
                    }
                }
            }
            return t;
        }

        private X509ExtendedTrustManager extended() throws CertificateException {
            if (trust() instanceof X509ExtendedTrustManager x) {
                return x;
            }
            throw new CertificateException("the trust manager cannot check host names");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            trust().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            trust().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            extended().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            extended().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            extended().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            extended().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return trust().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
    }

    /**
     * Accepts any certificate and, being an extended trust manager, also skips the hostname check the JDK would
     * otherwise do. Only used for {@code --insecure}.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
