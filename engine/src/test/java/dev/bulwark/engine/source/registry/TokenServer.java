package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only token service for docker-registry's {@code auth: token} mode, which has no built-in issuer: checks
 * Basic credentials and signs an RS256 JWT granting the requested repository scopes, with the signing certificate in
 * {@code x5c} so the real registry verifies it against its {@code rootcertbundle}. Anonymous callers get a token
 * with no access, as public token services do for private repositories.
 */
public final class TokenServer implements AutoCloseable {
    static final String ISSUER = "bulwark-test-issuer";
    static final String SERVICE = "bulwark-test-registry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrivateKey key;
    private final String certDer;
    private final String username;
    private final String password;
    private final AtomicInteger requests = new AtomicInteger();

    TokenServer(TestCertificates certs, String username, String password) throws Exception {
        this.username = username;
        this.password = password;
        String pem = Files.readString(certs.tokenKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(pem)));
        X509Certificate cert;
        try (var in = Files.newInputStream(certs.tokenCert())) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        this.certDer = Base64.getEncoder().encodeToString(cert.getEncoded());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** How many tokens were asked for since start. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        boolean authenticated = false;
        if (auth != null) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!auth.equals(expected)) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            authenticated = true;
        }
        List<String> scopes = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("scope")) {
                scopes.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("token", jwt(authenticated, scopes))
                    .put("expires_in", 300));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private String jwt(boolean authenticated, List<String> scopes) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(certDer);
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", authenticated ? username : "")
                .put("aud", SERVICE).put("exp", now + 300).put("nbf", now - 10).put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        if (authenticated) {
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length == 3 && parts[0].equals("repository")) {
                    ObjectNode grant = access.addObject().put("type", "repository").put("name", parts[1]);
                    ArrayNode actions = grant.putArray("actions");
                    for (String action : parts[2].split(",")) {
                        actions.add(action);
                    }
                }
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signer.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
