package dev.toolgate.upstream;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a hard cap. Past the cap (announced by {@code Content-Length} or found while
 * streaming) reading stops and the connection is dropped, so an upstream cannot make the gateway buffer more than
 * {@code cap} bytes.
 *
 * @param bytes the whole body; empty when {@code tooLarge}
 * @param tooLarge true when the body exceeded the cap
 */
record CappedBody(byte[] bytes, boolean tooLarge) {
    static final CappedBody TOO_LARGE = new CappedBody(new byte[0], true);

    /** A body handler that reads at most {@code cap} bytes. */
    static BodyHandler<CappedBody> handler(long cap) {
        return (ResponseInfo info) -> {
            long announced = info.headers().firstValueAsLong("content-length").orElse(-1L);
            return new Subscriber(cap, announced > cap);
        };
    }

    /** Collects buffers one batch at a time (so nothing is read ahead of the cap check). Signals arrive serially. */
    private static final class Subscriber implements BodySubscriber<CappedBody> {
        private final long cap;
        private final boolean refuseUpFront;
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        Subscriber(long cap, boolean refuseUpFront) {
            this.cap = cap;
            this.refuseUpFront = refuseUpFront;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refuseUpFront) {
                tooLarge();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return; // cancelled past the cap; buffers still in flight are dropped
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > cap) {
                    tooLarge();
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(buffer.toByteArray(), false));
        }

        private void tooLarge() {
            subscription.cancel();
            result.complete(TOO_LARGE);
        }
    }
}
