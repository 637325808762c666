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
 * <p>Large bodies also take their size from the node's {@link AnswerBudget} while they arrive; a read-only answer that
 * does not fit is aborted like one over the cap.
 *
 * @param bytes the whole body; empty when {@code tooLarge} or {@code busy}
 * @param tooLarge true when the body exceeded the cap
 * @param busy true when a read-only answer did not fit in the node's answer budget
 * @param taken bytes of the answer budget this body holds, to give back once it has been read
 */
record CappedBody(byte[] bytes, boolean tooLarge, boolean busy, long taken) {
    static final CappedBody TOO_LARGE = new CappedBody(new byte[0], true, false, 0);
    static final CappedBody BUSY = new CappedBody(new byte[0], false, true, 0);

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
        private final AnswerBudget budget;
        private final boolean refusable;
        private final CompletableFuture<Received> result = new CompletableFuture<>();
        private byte[] bytes = NO_BYTES;
        private int size;
        private long taken;
        private volatile boolean tooLarge;
        private volatile boolean busy;

        /** @param refusable whether the answer may be dropped when it does not fit the budget (read-only requests) */
        Listener(long cap, AnswerBudget budget, boolean refusable) {
            this.cap = cap;
            this.budget = budget;
            this.refusable = refusable;
        }

        CompletableFuture<Received> result() {
            return result;
        }

        @Override
        public void onHeaders(Response response) {
            long announced = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (announced > cap) {
                refuse(response);
            } else if (announced > 0 && take(announced, response)) {
                bytes = new byte[(int) announced]; // filled exactly: handed on without a copy
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            if (tooLarge || busy) {
                return;
            }
            int length = content.remaining();
            if ((long) size + length > cap) {
                refuse(response);
                return;
            }
            if (!take((long) size + length, response)) {
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
            if (tooLarge || busy || outcome.isFailed()) {
                giveBack(); // nothing is handed on
            }
            if (tooLarge) {
                result.complete(new Received(response.getStatus(), response.getHeaders(), TOO_LARGE));
            } else if (busy) {
                result.complete(new Received(response.getStatus(), response.getHeaders(), BUSY));
            } else if (outcome.isFailed()) {
                result.completeExceptionally(outcome.getFailure());
            } else {
                byte[] body = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
                result.complete(new Received(
                        response.getStatus(), response.getHeaders(), new CappedBody(body, false, false, taken)));
            }
        }

        /**
         * Makes sure the budget holds {@code total} bytes for this body once it is past the free size; false (and the
         * exchange aborted) when a read-only answer does not fit.
         */
        private boolean take(long total, Response response) {
            if (total <= AnswerBudget.FREE_BYTES || total <= taken) {
                return true;
            }
            long more = total - taken;
            if (!refusable) {
                budget.take(more);
            } else if (!budget.tryTake(more)) {
                busy = true;
                bytes = NO_BYTES;
                size = 0;
                response.abort(new IllegalStateException("the gateway's budget for large answers is in use"));
                return false;
            }
            taken = total;
            return true;
        }

        private void giveBack() {
            budget.give(taken);
            taken = 0;
        }

        private void refuse(Response response) {
            tooLarge = true;
            bytes = NO_BYTES;
            size = 0;
            response.abort(new IllegalStateException("response body over the gateway's size cap"));
        }
    }
}
