package dev.toolgate.mcp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open HTTP+SSE (2024-11-05) session: the stream lives on this node, responses to POSTed messages wait in a
 * bounded queue until the stream writes them. A client that stops reading fills the queue and loses the session.
 */
final class LegacySession {
    private static final int QUEUE_CAPACITY = 256;
    /** Put on the queue by {@link #close()} to end a wait in {@link #next}; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String WAKE_UP = new String("");

    private final String id;
    private final UUID serverId;
    private final String token;
    private final Instant openedAt;
    private final BlockingQueue<String> outbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile String protocolVersion = "2024-11-05";
    private volatile Optional<ClientInfo> client = Optional.empty();
    private volatile boolean closed;

    LegacySession(String id, UUID serverId, String token, Instant openedAt) {
        this.id = id;
        this.serverId = serverId;
        this.token = token;
        this.openedAt = openedAt;
    }

    String id() {
        return id;
    }

    UUID serverId() {
        return serverId;
    }

    String token() {
        return token;
    }

    Instant openedAt() {
        return openedAt;
    }

    String protocolVersion() {
        return protocolVersion;
    }

    void protocolVersion(String version) {
        this.protocolVersion = version;
    }

    /** The client that sent {@code initialize} on this session, if it named itself (for the audit log). */
    Optional<ClientInfo> client() {
        return client;
    }

    void client(Optional<ClientInfo> info) {
        this.client = info;
    }

    /** Queues a JSON-RPC message for the stream; false (and the session closes) when the client is not reading. */
    boolean send(String json) {
        if (closed || !outbound.offer(json)) {
            close();
            return false;
        }
        return true;
    }

    /** The next message to write, waiting at most {@code millis}; empty on timeout or once closed. */
    Optional<String> next(long millis) throws InterruptedException {
        String message = outbound.poll(millis, TimeUnit.MILLISECONDS);
        return message == null || message == WAKE_UP ? Optional.empty() : Optional.of(message);
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the session; a stream waiting in {@link #next} wakes up at once. */
    void close() {
        closed = true;
        outbound.clear(); // nothing more will be written, and it makes room for the wake-up
        outbound.offer(WAKE_UP);
    }
}
