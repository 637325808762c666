package dev.toolgate.upstream;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Safe sentences for calls that got no usable answer. They name the host and port only: never the path or query (which
 * may carry ids the caller did not choose to echo), never headers (which carry credentials), never the HTTP client's own
 * exception text.
 */
final class TransportFailures {
    private TransportFailures() {}

    static CallOutcome.Failed of(Throwable failure, URI uri, UpstreamLimits limits) {
        String where = hostAndPort(uri);
        return new CallOutcome.Failed(
                switch (rootKind(failure)) {
                    case CONNECT_TIMEOUT ->
                        "could not connect to the upstream: " + where + " did not accept the connection" + " within "
                                + seconds(limits.connectTimeout()) + " s";
                    case READ_TIMEOUT -> readTimeout(limits).message();
                    case UNRESOLVED ->
                        "could not connect to the upstream: the host name of " + where + " does not resolve";
                    case REFUSED -> "could not connect to the upstream: " + where + " refused the connection";
                    case TLS -> "could not connect to the upstream: the TLS handshake with " + where + " failed";
                    case OTHER ->
                        "the connection to the upstream " + where + " failed before a complete answer arrived";
                });
    }

    static CallOutcome.Failed readTimeout(UpstreamLimits limits) {
        return new CallOutcome.Failed("the upstream did not answer within " + seconds(limits.readTimeout()) + " s");
    }

    static CallOutcome.Failed tooLarge(UpstreamLimits limits) {
        return new CallOutcome.Failed("upstream response larger than " + limits.maxResponseBytes() + " bytes, the"
                + " gateway's limit; ask for less (e.g. a smaller `limit`)");
    }

    static CallOutcome.Failed busy() {
        return new CallOutcome.Failed("the gateway is reading other large upstream answers right now and had no room"
                + " for this one; try again in a moment, or ask for less (e.g. a smaller `limit`)");
    }

    static String hostAndPort(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** Whole seconds where exact ({@code 30}), otherwise decimal ({@code 0.25}). */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private enum Kind {
        CONNECT_TIMEOUT,
        READ_TIMEOUT,
        UNRESOLVED,
        REFUSED,
        TLS,
        OTHER
    }

    private static Kind rootKind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Kind kind = kindOf(t);
            if (kind != Kind.OTHER) {
                return kind;
            }
        }
        return Kind.OTHER;
    }

    private static Kind kindOf(Throwable t) {
        return switch (t) {
            // the client's connector times a connect out with this; its total and idle timeouts with TimeoutException
            case SocketTimeoutException e -> Kind.CONNECT_TIMEOUT;
            case TimeoutException e -> Kind.READ_TIMEOUT;
            case UnresolvedAddressException e -> Kind.UNRESOLVED;
            case UnknownHostException e -> Kind.UNRESOLVED;
            case SSLException e -> Kind.TLS;
            case ConnectException e ->
                e.getCause() instanceof UnresolvedAddressException ? Kind.UNRESOLVED : Kind.REFUSED;
            default -> Kind.OTHER;
        };
    }
}
