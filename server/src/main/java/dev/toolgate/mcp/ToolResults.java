package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import dev.toolgate.upstream.CallOutcome;
import dev.toolgate.upstream.JsonPayload;
import dev.toolgate.upstream.RateLimit;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link CallOutcome} into an MCP {@code CallToolResult}. Every failure is a tool result with
 * {@code isError: true} and a JSON explanation, so the model can read why and correct itself; upstream failures carry
 * the upstream status, {@code is_remote_error: true} and the upstream's own error body.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling">Tool errors</a>
 */
final class ToolResults {
    private ToolResults() {}

    /** The result object and the HTTP headers it implies (rate-limit headers on upstream 429s and successes). */
    record Rendered(ObjectNode result, Map<String, String> headers) {}

    static Rendered render(CallOutcome outcome, boolean structured) {
        return switch (outcome) {
            case CallOutcome.Success s ->
                new Rendered(success(s.body(), structured), s.rateLimit().headers());
            case CallOutcome.Rejected r -> new Rendered(result(rejected(r), true, structured), Map.of());
            case CallOutcome.UpstreamError e ->
                new Rendered(
                        result(
                                remote(
                                        e.status(),
                                        "the upstream API answered HTTP " + e.status(),
                                        e.rawResponse(),
                                        e.rateLimit()),
                                true,
                                structured),
                        e.rateLimit().headers());
            case CallOutcome.RateLimited r ->
                new Rendered(
                        result(rateLimited(r), true, structured), r.rateLimit().headers());
            case CallOutcome.Failed f -> new Rendered(result(failed(f), true, structured), Map.of());
        };
    }

    /**
     * A success: the payload's compact JSON is both the text content and, embedded as is, the structured content (the
     * hot path; the payload can be a large upstream page). Both are written from its UTF-8 bytes, never as a tree.
     */
    private static ObjectNode success(JsonPayload payload, boolean structured) {
        ObjectNode result = Json.object();
        ObjectNode text = result.putArray("content").addObject();
        text.put("type", "text");
        text.putPOJO("text", payload.asText());
        if (structured) {
            if (payload.isObject()) {
                result.putRawValue("structuredContent", payload.asRawValue());
            } else {
                result.putObject("structuredContent").putRawValue("result", payload.asRawValue());
            }
        }
        return result;
    }

    private static ObjectNode result(JsonNode payload, boolean isError, boolean structured) {
        ObjectNode result = withText(Json.write(payload));
        if (structured) {
            if (payload.isObject()) {
                result.set("structuredContent", payload);
            } else {
                result.putObject("structuredContent").set("result", payload);
            }
        }
        if (isError) {
            result.put("isError", true);
        }
        return result;
    }

    /** A result whose one content item is {@code json} as text. */
    private static ObjectNode withText(String json) {
        ObjectNode result = Json.object();
        ObjectNode text = result.putArray("content").addObject();
        text.put("type", "text");
        text.put("text", json);
        return result;
    }

    private static ObjectNode rejected(CallOutcome.Rejected r) {
        ObjectNode error = Json.object();
        error.put("error", "invalid_arguments");
        error.put("message", sentence(r.message()) + " Nothing was sent to the upstream API.");
        if (!r.argument().isEmpty()) {
            error.put("argument", r.argument());
        }
        return error;
    }

    /** {@code text} ending in a full stop, so that the sentence appended after it reads as a new one. */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
    }

    private static ObjectNode remote(int status, String message, JsonNode raw, RateLimit rateLimit) {
        ObjectNode error = Json.object();
        error.put("error", "upstream_error");
        error.put("status", status);
        error.put("is_remote_error", true);
        error.put("message", message);
        error.set("raw_response", raw);
        if (!rateLimit.isEmpty()) {
            ObjectNode limits = error.putObject("ratelimit");
            rateLimit.headers().forEach((name, value) -> limits.put(name, Long.parseLong(value)));
        }
        return error;
    }

    private static ObjectNode rateLimited(CallOutcome.RateLimited r) {
        String wait = r.rateLimit().resetSeconds().isPresent()
                ? "wait " + r.rateLimit().resetSeconds().getAsLong() + " s before retrying"
                : "wait before retrying (back off exponentially)";
        ObjectNode error = remote(
                429,
                "the upstream API is rate limiting this account (HTTP 429); " + wait + ". The gateway does not retry.",
                r.rawResponse(),
                r.rateLimit());
        error.put("error", "rate_limited");
        return error;
    }

    private static ObjectNode failed(CallOutcome.Failed f) {
        ObjectNode error = Json.object();
        error.put("error", "upstream_unavailable");
        error.put("is_remote_error", false);
        error.put("message", f.message());
        return error;
    }
}
