package dev.toolgate.mcp;

import dev.toolgate.audit.AuditEvent;
import dev.toolgate.audit.AuditLog;
import dev.toolgate.observability.RequestIds;
import dev.toolgate.servers.McpServer;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Turns each served {@link McpExchange} into audit events: one per JSON-RPC message of a request whose token was
 * admitted (requests to unknown tokens name no server and are not audited), or one with no method when the request
 * was refused before any message could be read. Client responses (we send no requests) are not audited.
 */
final class McpAudit {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(McpAudit.class);
    private final AuditLog log;
    private final Clock clock;

    McpAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    McpExchange begin() {
        return new McpExchange(clock.instant(), System.nanoTime());
    }

    /** Records the exchange, answered with {@code httpStatus}. Never throws. */
    void finish(McpExchange exchange, int httpStatus) {
        if (exchange.server().isEmpty()) {
            return;
        }
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exchange.startNanos());
        if (exchange.messages().isEmpty()) {
            if (httpStatus >= 400) {
                String outcome = httpStatus >= 500 ? McpExchange.ERROR : McpExchange.REFUSED;
                record(
                        exchange,
                        new McpExchange.Message(Optional.empty(), Optional.empty(), outcome, OptionalInt.empty()),
                        httpStatus,
                        latencyMs);
            }
            return;
        }
        for (McpExchange.Message message : exchange.messages()) {
            record(exchange, message, httpStatus, latencyMs);
        }
    }

    private void record(McpExchange exchange, McpExchange.Message message, int httpStatus, long latencyMs) {
        try {
            log.record(event(exchange, message, httpStatus, latencyMs));
        } catch (RuntimeException e) {
            LOG.error("could not audit an MCP message", e); // a bug: auditing must never fail the request
        }
    }

    private static AuditEvent event(McpExchange exchange, McpExchange.Message message, int httpStatus, long latencyMs) {
        McpServer server = exchange.server().orElseThrow().server();
        return new AuditEvent(
                exchange.arrivedAt(),
                server.environmentId(),
                server.id(),
                server.integratedAccountId(),
                message.method(),
                message.tool(),
                exchange.client().map(ClientInfo::name),
                exchange.client().map(ClientInfo::version),
                httpStatus,
                message.upstreamStatus(),
                message.outcome(),
                latencyMs,
                RequestIds.current());
    }
}
