package dev.toolgate.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Row of {@code audit_log}: one MCP message a server received. Never holds argument values.
 *
 * @param mcpMethod JSON-RPC method; empty when the message could not be read
 * @param toolName the tool named by a {@code tools/call}; empty for other methods
 * @param clientName what the client called itself ({@code clientInfo.name}); unverified, empty when unknown
 * @param clientVersion {@code clientInfo.version}; unverified, empty when unknown
 * @param httpStatus status of the HTTP response that carried the answer
 * @param upstreamStatus HTTP status the upstream API answered a tool call with; empty when nothing was sent or nothing
 *     came back
 * @param outcome {@code success}, {@code rejected}, {@code upstream_error}, {@code rate_limited}, {@code failed} for
 *     tool calls; {@code ok}, {@code error} or {@code refused} otherwise
 * @param latencyMs time the gateway took for the HTTP request, in milliseconds
 * @param requestId the HTTP request's {@code X-Request-Id}, to find its log lines
 */
public record AuditRow(
        UUID id,
        Instant occurredAt,
        UUID environmentId,
        UUID mcpServerId,
        UUID integratedAccountId,
        Optional<String> mcpMethod,
        Optional<String> toolName,
        Optional<String> clientName,
        Optional<String> clientVersion,
        int httpStatus,
        OptionalInt upstreamStatus,
        String outcome,
        long latencyMs,
        Optional<String> requestId) {
    public AuditRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(mcpServerId, "mcpServerId");
        Objects.requireNonNull(integratedAccountId, "integratedAccountId");
        Objects.requireNonNull(mcpMethod, "mcpMethod");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(upstreamStatus, "upstreamStatus");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(requestId, "requestId");
    }
}
