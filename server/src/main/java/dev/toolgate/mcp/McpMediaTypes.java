package dev.toolgate.mcp;

import java.util.Locale;
import java.util.Optional;

/** The media types of the Streamable HTTP transport: JSON in; JSON or an event stream out. */
final class McpMediaTypes {
    private McpMediaTypes() {}

    /** 415 unless the body is JSON; 406 unless the client takes JSON or an event stream. */
    static void check(HttpCall ctx) {
        String contentType =
                Optional.ofNullable(ctx.header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new McpRejection(HttpRejection.of(
                    415,
                    JsonRpc.INVALID_REQUEST,
                    "Unsupported Media Type: send JSON-RPC with Content-Type: application/json"));
        }
        String accept = ctx.header("Accept");
        if (accept != null
                && !accept.isBlank()
                && !acceptsJson(accept.toLowerCase(Locale.ROOT))
                && !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new McpRejection(
                    HttpRejection.of(
                            406,
                            JsonRpc.INVALID_REQUEST,
                            "Not Acceptable: responses are application/json; send Accept: application/json, text/event-stream"));
        }
    }

    private static boolean acceptsJson(String accept) {
        return accept.contains("application/json") || accept.contains("*/*") || accept.contains("application/*");
    }

    /** A client that accepts only an event stream gets its answer as one SSE event. */
    static boolean wantsEventStream(HttpCall ctx) {
        String accept = ctx.header("Accept");
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("text/event-stream") && !acceptsJson(lower);
    }
}
