package dev.toolgate.upstream;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A response body read into memory up to a hard cap. Past the cap (announced by {@code Content-Length} or found while
 * reading) the exchange is aborted and the connection dropped, so an upstream cannot make the gateway buffer more than
 * {@code cap} bytes.
 *
 * @param bytes the whole body; empty when {@code tooLarge}
 * @param tooLarge true when the body exceeded the cap
 */
record CappedBody(byte[] bytes, boolean tooLarge) {
    static final CappedBody TOO_LARGE = new CappedBody(new byte[0], true);

    /** A finished exchange: the status and headers that arrived, with the capped body. */
    record Received(int status, HttpFields headers, CappedBody body) {}

    /**
     * Collects one response (the client calls it serially, on its selector thread: see {@link HttpTransport}, so it
     * must never block) and completes {@link #result()} once the exchange is over: with what was received, or
     * exceptionally with why there was no complete answer.
     */
    static final class Listener implements Response.Listener {
        private static final byte[] NO_BYTES = new byte[0];

        private final long cap;
        private final CompletableFuture<Received> result = new CompletableFuture<>();
        private byte[] bytes = NO_BYTES;
        private int size;
        private volatile boolean tooLarge;

        Listener(long cap) {
            this.cap = cap;
        }

        CompletableFuture<Received> result() {
            return result;
        }

        @Override
        public void onHeaders(Response response) {
            long announced = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (announced > cap) {
                refuse(response);
            } else if (announced > 0) {
                bytes = new byte[(int) announced]; // filled exactly: handed on without a copy
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            if (tooLarge) {
                return;
            }
            int length = content.remaining();
            if ((long) size + length > cap) {
                refuse(response);
                return;
            }
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(size + length, 2L * bytes.length)));
            }
            content.get(content.position(), bytes, size, length); // heap or direct buffer, position untouched
            size += length;
        }

        @Override
        public void onComplete(Result outcome) {
            Response response = outcome.getResponse();
            if (tooLarge) {
                result.complete(new Received(response.getStatus(), response.getHeaders(), TOO_LARGE));
            } else if (outcome.isFailed()) {
                result.completeExceptionally(outcome.getFailure());
            } else {
                byte[] body = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
                result.complete(new Received(response.getStatus(), response.getHeaders(), new CappedBody(body, false)));
            }
        }

        private void refuse(Response response) {
            tooLarge = true;
            bytes = NO_BYTES;
            size = 0;
            response.abort(new IllegalStateException("response body over the gateway's size cap"));
        }
    }
}
