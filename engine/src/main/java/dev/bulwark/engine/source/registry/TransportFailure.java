package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Classifies a failed HTTP exchange: whether trying again may help, and the one line to tell the user. */
enum TransportFailure {
    UNKNOWN_HOST(false),
    REFUSED(true),
    TLS(false),
    TIMEOUT(true),
    DROPPED(true);

    private final boolean retriable;

    TransportFailure(boolean retriable) {
        this.retriable = retriable;
    }

    boolean retriable() {
        return retriable;
    }

    static TransportFailure of(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return UNKNOWN_HOST;
            }
            if (t instanceof SSLException || t instanceof CertificateException
                    || t instanceof CertPathValidatorException) {
                return TLS;
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return TIMEOUT;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return REFUSED;
            }
        }
        return DROPPED;
    }

    /** The user-facing error for this failure talking to {@code host} while doing {@code what}. */
    BulwarkException toException(String host, String what, IOException cause) {
        String message = switch (this) {
            case UNKNOWN_HOST -> "registry " + host + ": unknown host (check the registry name and your DNS)";
            case REFUSED -> "registry " + host + ": connection refused (is the registry running and the port right?)";
            case TLS -> "registry " + host + ": TLS failure (" + tlsReason(cause) + "); for a private CA use"
                    + " --ca-cert FILE, or --insecure to skip verification";
            case TIMEOUT -> "registry " + host + ": timed out while " + what;
            case DROPPED -> "registry " + host + ": connection failed while " + what + " ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": "
                    + oneLine(cause.getMessage())) + ")";
        };
        return new BulwarkException(ErrorKind.REMOTE, message, cause);
    }

    private static String tlsReason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException || t.getClass().getSimpleName().contains("CertPathBuilder")) {
                return "the server certificate is not signed by a trusted CA";
            }
            if (t instanceof CertificateException && t.getMessage() != null
                    && t.getMessage().contains("No subject alternative")) {
                return "the server certificate does not name this host";
            }
            deepest = t;
        }
        return deepest.getMessage() == null ? deepest.getClass().getSimpleName() : oneLine(deepest.getMessage());
    }

    private static String oneLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
