package dev.toolgate.mcp;

import dev.toolgate.observability.ToolOutcome;
import dev.toolgate.servers.ResolvedServer;
import dev.toolgate.upstream.CallOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one HTTP request to an MCP endpoint carried, gathered for the audit log while it is served: the server (once
 * the token is admitted), the client, and each JSON-RPC message with how it ended. One per request, on the request's
 * thread; not thread-safe.
 */
final class McpExchange {
    static final String OK = "ok";
    static final String ERROR = "error";
    static final String REFUSED = "refused";

    private final Instant arrivedAt;
    private final long startNanos;
    private final List<Message> messages = new ArrayList<>(1);
    private Optional<ResolvedServer> server = Optional.empty();
    private Optional<ClientInfo> client = Optional.empty();

    /**
     * One message and its end.
     *
     * @param method JSON-RPC method; empty when unreadable
     * @param tool the tool a {@code tools/call} named
     * @param outcome a {@link ToolOutcome} label for calls that ran, else {@code ok}, {@code error} or {@code refused}
     * @param upstreamStatus the upstream's HTTP status, when a call reached it
     */
    record Message(Optional<String> method, Optional<String> tool, String outcome, OptionalInt upstreamStatus) {
        Message {
            Objects.requireNonNull(method);
            Objects.requireNonNull(tool);
            Objects.requireNonNull(outcome);
            Objects.requireNonNull(upstreamStatus);
        }
    }

    McpExchange(Instant arrivedAt, long startNanos) {
        this.arrivedAt = arrivedAt;
        this.startNanos = startNanos;
    }

    void admitted(ResolvedServer resolved) {
        this.server = Optional.of(resolved);
    }

    void client(Optional<ClientInfo> info) {
        if (info.isPresent()) {
            this.client = info;
        }
    }

    /** A request the dispatcher answered. */
    void answered(String method, McpDispatcher.Answer answer) {
        Optional<String> tool = answer.call().map(McpDispatcher.Called::tool);
        Optional<CallOutcome> outcome = answer.call().flatMap(McpDispatcher.Called::outcome);
        if (outcome.isPresent()) {
            int status = ToolOutcome.upstreamStatus(outcome.get());
            messages.add(new Message(
                    Optional.of(method),
                    tool,
                    ToolOutcome.of(outcome.get()).label(),
                    status == ToolOutcome.NO_STATUS ? OptionalInt.empty() : OptionalInt.of(status)));
        } else {
            String result = answer.response().has("error") ? ERROR : OK;
            messages.add(new Message(Optional.of(method), tool, result, OptionalInt.empty()));
        }
    }

    /** A notification, accepted. */
    void notified(String method) {
        messages.add(new Message(Optional.of(method), Optional.empty(), OK, OptionalInt.empty()));
    }

    /** A message that is not valid JSON-RPC, or a request refused before it was dispatched. */
    void failed(Optional<String> method, String outcome) {
        messages.add(new Message(method, Optional.empty(), outcome, OptionalInt.empty()));
    }

    Optional<ResolvedServer> server() {
        return server;
    }

    Optional<ClientInfo> client() {
        return client;
    }

    List<Message> messages() {
        return messages;
    }

    Instant arrivedAt() {
        return arrivedAt;
    }

    long startNanos() {
        return startNanos;
    }
}
