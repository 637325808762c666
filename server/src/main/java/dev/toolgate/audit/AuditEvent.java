package dev.toolgate.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One MCP message a server received, as the audit log keeps it: who, which method and tool, how it ended, how long it
 * took. Never argument values. Texts are cut to the column sizes here, and control characters in client-supplied
 * texts are replaced, so whatever a client sends can be stored and shown.
 *
 * @param occurredAt when the HTTP request arrived (kept to the microsecond)
 * @param mcpMethod JSON-RPC method; empty when the message could not be read
 * @param toolName the tool a {@code tools/call} named; empty for other methods
 * @param clientName {@code clientInfo.name} the client gave (unverified); empty when unknown
 * @param clientVersion {@code clientInfo.version} (unverified); empty when unknown
 * @param httpStatus status of the HTTP response that carried the answer
 * @param upstreamStatus the upstream API's HTTP status for a tool call that reached it
 * @param outcome for {@code tools/call}: {@code success}, {@code rejected}, {@code upstream_error},
 *     {@code rate_limited}, {@code failed}; otherwise {@code ok}, {@code error} (a JSON-RPC error) or {@code refused}
 *     (refused at the HTTP level)
 * @param latencyMs the gateway's time for the whole HTTP request, in milliseconds
 * @param requestId the HTTP request's id, to find its log lines
 */
public record AuditEvent(
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
    static final int MAX_METHOD = 128;
    static final int MAX_TOOL = 128;
    static final int MAX_CLIENT_NAME = 128;
    static final int MAX_CLIENT_VERSION = 64;
    static final int MAX_OUTCOME = 32;
    static final int MAX_REQUEST_ID = 64;

    public AuditEvent {
        // the database keeps microseconds: what is listed later is exactly what was recorded
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(mcpServerId, "mcpServerId");
        Objects.requireNonNull(integratedAccountId, "integratedAccountId");
        Objects.requireNonNull(upstreamStatus, "upstreamStatus");
        mcpMethod = clean(mcpMethod, MAX_METHOD);
        toolName = clean(toolName, MAX_TOOL);
        clientName = clean(clientName, MAX_CLIENT_NAME);
        clientVersion = clean(clientVersion, MAX_CLIENT_VERSION);
        outcome = clip(Objects.requireNonNull(outcome, "outcome"), MAX_OUTCOME);
        requestId = clean(requestId, MAX_REQUEST_ID);
    }

    private static Optional<String> clean(Optional<String> text, int max) {
        return text.map(t -> clip(printable(t), max)).filter(t -> !t.isEmpty());
    }

    /** {@code text} with ISO control characters (line breaks, escapes) replaced by {@code ?}. */
    private static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder clean = new StringBuilder(text);
                for (int j = i; j < clean.length(); j++) {
                    if (Character.isISOControl(clean.charAt(j))) {
                        clean.setCharAt(j, '?');
                    }
                }
                return clean.toString();
            }
        }
        return text;
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
