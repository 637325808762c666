package dev.toolgate.upstream;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends mapped requests with one shared JDK client (its asynchronous steps run inline, see the constructor): HTTP/2 where an https upstream offers it, HTTP/1.1 otherwise; no
 * redirects followed (a 3xx comes back as an answer, never as a request to another host); no proxy. The whole exchange
 * is bounded by the connect timeout plus the read timeout, and the body by the size cap. Thread-safe: callers
 * (typically virtual threads) block on their own exchange only.
 *
 * <p>Nothing here retries. The JDK client itself re-sends a request once only when the upstream cannot have acted on
 * it, or for GET alone (see {@code jdk.internal.net.http.MultiExchange}): the TCP connect failed (nothing was sent), an
 * HTTP/2 upstream reported the stream unprocessed, or a GET met a pooled keep-alive connection the upstream had already
 * closed. A POST, PUT, PATCH or DELETE is never sent twice.
 */
final class HttpTransport implements AutoCloseable {
    private final HttpClient client;
    private final UpstreamLimits limits;

    HttpTransport(UpstreamLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                // The client's dependent tasks (parsing a response, feeding the body subscriber, completing the
                // exchange) run where they arise, mostly on its selector thread, instead of being handed to a pool
                // thread each: the default cached pool cost a thread handoff per step and held about 100 threads
                // under load. Nothing here blocks (CappedBody only copies bytes), and callers wait on their own
                // virtual threads.
                .executor(Runnable::run)
                .build();
    }

    /** What came back for one request. */
    sealed interface Reply {
        /** The upstream answered (any status); the body may have been refused as too large. */
        record Answered(int status, HttpHeaders headers, CappedBody body) implements Reply {}

        /** No answer: connection refused, timeout, TLS failure, broken connection. */
        record NoAnswer(CallOutcome.Failed failure) implements Reply {}
    }

    Reply send(UpstreamRequest request) {
        CompletableFuture<HttpResponse<CappedBody>> exchange =
                client.sendAsync(toHttpRequest(request), CappedBody.handler(limits.maxResponseBytes()));
        long deadline = limits.connectTimeout().plus(limits.readTimeout()).toMillis();
        try {
            HttpResponse<CappedBody> response = exchange.get(deadline, TimeUnit.MILLISECONDS);
            return new Reply.Answered(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Reply.NoAnswer(TransportFailures.readTimeout(limits));
        } catch (ExecutionException e) {
            return noAnswer(e.getCause(), request);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Reply.NoAnswer(new CallOutcome.Failed("the call to the upstream was interrupted (the gateway"
                    + " is shutting down or the client went away)"));
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    private Reply noAnswer(Throwable cause, UpstreamRequest request) {
        if (cause instanceof IOException) {
            return new Reply.NoAnswer(TransportFailures.of(cause, request.uri(), limits));
        }
        // Anything else is a bug in the gateway (e.g. a header the client refuses), not an upstream problem.
        throw new IllegalStateException(
                "sending " + request.verb() + " to " + request.uri().getHost() + " failed", cause);
    }

    private HttpRequest toHttpRequest(UpstreamRequest request) {
        HttpRequest.BodyPublisher publisher =
                request.body().map(b -> BodyPublishers.ofByteArray(b.bytes())).orElse(BodyPublishers.noBody());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(limits.readTimeout())
                .method(request.verb(), publisher);
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // Cleartext HTTP/2 would mean the h2c upgrade dance, deprecated by RFC 9113 and mishandled by some servers
            // on requests with bodies; HTTP/2 is negotiated by ALPN on https only.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach(h -> builder.setHeader(h.getKey(), h.getValue()));
        return builder.build();
    }
}
