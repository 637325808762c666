package dev.toolgate.upstream;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends mapped requests with one shared Jetty client: pooled keep-alive connections, HTTP/2 where an https upstream
 * offers it by ALPN, HTTP/1.1 otherwise (cleartext HTTP/2 would need the h2c upgrade, deprecated by RFC 9113). It was
 * chosen over the JDK client because it costs about a quarter of the CPU per request on the hot path (measured in the
 * commit that brought it). No redirects followed (a 3xx comes back as an answer, never as a request to another host),
 * no cookies kept (one account's session cookie must never reach another's request), no proxy, no automatic
 * authentication, no content decoding (nothing asks for gzip). The whole exchange is bounded by the connect timeout
 * plus the read timeout, the wait for each read by the read timeout, and the body by the size cap. Thread-safe:
 * callers (typically virtual threads) block on their own exchange only.
 *
 * <p>Nothing here retries, and neither does the Jetty client: a request is written to the upstream at most once.
 */
final class HttpTransport implements AutoCloseable {
    /** Connections per upstream host and port; calls beyond wait in the destination's queue. */
    private static final int MAX_CONNECTIONS_PER_UPSTREAM = 512;

    private static final int MAX_QUEUED_PER_UPSTREAM = 8192;

    private final HttpClient client;
    private final UpstreamLimits limits;
    private final AnswerBudget budget;

    HttpTransport(UpstreamLimits limits) {
        this(
                limits,
                new SslContextFactory.Client(), // the JDK's trusted CAs, host names verified
                AnswerBudget.forHeap(Runtime.getRuntime().maxMemory(), limits.maxResponseBytes()));
    }

    /**
     * @param tls how https upstreams are verified (tests trust their own certificate here)
     * @param budget the heap large answers may take at once
     */
    HttpTransport(UpstreamLimits limits, SslContextFactory.Client tls, AnswerBudget budget) {
        this.limits = Objects.requireNonNull(limits);
        this.budget = Objects.requireNonNull(budget, "budget");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(Objects.requireNonNull(tls, "tls"));
        connector.setConnectTimeout(limits.connectTimeout());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("upstream-client");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        var http2 = new ClientConnectionFactoryOverHTTP2.HTTP2(new HTTP2Client(connector));
        var transport = new HttpClientTransportDynamic(connector, HttpClientConnectionFactory.HTTP11, http2);
        // The response listener (CappedBody.Listener) only copies bytes and completes a future: it may run on the
        // selector thread, which saves handing every response to a pool thread (a thread wake-up per call).
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        this.client = new HttpClient(transport);
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null); // the mapper sets Toolgate's own
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_UPSTREAM);
        client.setMaxRequestsQueuedPerDestination(MAX_QUEUED_PER_UPSTREAM);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the upstream HTTP client did not start", e);
        }
        // both are filled with defaults by start(): no Accept-Encoding sent, no redirect/authentication/100-continue
        // handling (a 401 or 3xx is the upstream's answer, handed back as it is)
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().clear();
    }

    /** What came back for one request. */
    sealed interface Reply {
        /** The upstream answered (any status); the body may have been refused as too large. */
        record Answered(int status, HttpFields headers, CappedBody body) implements Reply {}

        /** No answer: connection refused, timeout, TLS failure, broken connection. */
        record NoAnswer(CallOutcome.Failed failure) implements Reply {}
    }

    Reply send(UpstreamRequest request) {
        long total = limits.connectTimeout().plus(limits.readTimeout()).toMillis();
        Request exchange = toJettyRequest(request, total);
        boolean readOnly = request.verb().equals("GET") || request.verb().equals("HEAD");
        var listener = new CappedBody.Listener(limits.maxResponseBytes(), budget, readOnly);
        exchange.send(listener);
        try {
            // Untimed: the request's own total timeout ends every exchange (failing it with a TimeoutException), and a
            // timed wait would cost each call a round trip through the scheduler's timer thread.
            CappedBody.Received received = listener.result().get();
            return new Reply.Answered(received.status(), received.headers(), received.body());
        } catch (ExecutionException e) {
            return noAnswer(e.getCause(), request);
        } catch (InterruptedException e) {
            exchange.abort(e);
            Thread.currentThread().interrupt();
            return new Reply.NoAnswer(new CallOutcome.Failed("the call to the upstream was interrupted (the gateway"
                    + " is shutting down or the client went away)"));
        }
    }

    /** Gives back the part of the answer budget an answer held, once it has been read. */
    void release(Reply.Answered answer) {
        budget.give(answer.body().taken());
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping aborts the exchanges in flight; nothing else to release
        }
    }

    private Reply noAnswer(Throwable cause, UpstreamRequest request) {
        if (cause instanceof IOException || cause instanceof TimeoutException) {
            return new Reply.NoAnswer(TransportFailures.of(cause, request.uri(), limits));
        }
        // Anything else is a bug in the gateway (e.g. a header the client refuses), not an upstream problem.
        throw new IllegalStateException(
                "sending " + request.verb() + " to " + request.uri().getHost() + " failed", cause);
    }

    private Request toJettyRequest(UpstreamRequest request, long totalMillis) {
        Request exchange = client.newRequest(request.uri())
                .method(request.verb())
                .timeout(totalMillis, TimeUnit.MILLISECONDS)
                .idleTimeout(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        exchange.headers(fields -> {
            // add, not put: the mapper's names are already unique, and put searches the fields for each one
            for (Map.Entry<String, String> header : request.headers()) {
                fields.add(header.getKey(), header.getValue());
            }
        });
        request.body().ifPresent(body -> exchange.body(new BytesRequestContent(body.contentType(), body.bytes())));
        return exchange;
    }
}
