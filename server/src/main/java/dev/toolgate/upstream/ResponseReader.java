package dev.toolgate.upstream;

import dev.toolgate.integration.Method;
import dev.toolgate.integration.RateLimitMapping;
import dev.toolgate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an upstream answer into a {@link CallOutcome}: 2xx bodies must be JSON (an empty body reads as {@code {}}) and
 * are normalized for paginated methods; 429 is {@link CallOutcome.RateLimited}; any other status, 3xx included, is
 * {@link CallOutcome.UpstreamError} carrying the upstream's body as JSON, as a JSON string for non-JSON text, or as
 * JSON {@code null} when empty. Rate-limit headers are read on every answer.
 */
final class ResponseReader {
    private static final int MAX_CONTENT_TYPE_SHOWN = 100;

    private final RateLimitReader rateLimits;
    private final UpstreamLimits limits;

    ResponseReader(RateLimitReader rateLimits, UpstreamLimits limits) {
        this.rateLimits = rateLimits;
        this.limits = limits;
    }

    CallOutcome read(
            HttpTransport.Reply.Answered answer, RateLimitMapping mapping, Method method, ObjectNode arguments) {
        if (answer.body().tooLarge()) {
            return TransportFailures.tooLarge(limits);
        }
        if (answer.body().busy()) {
            return TransportFailures.busy();
        }
        RateLimit rateLimit = rateLimits.read(answer.headers(), mapping);
        int status = answer.status();
        if (status == 429) {
            return new CallOutcome.RateLimited(raw(answer.body().bytes()), rateLimit);
        }
        if (status < 200 || status > 299) {
            return new CallOutcome.UpstreamError(status, raw(answer.body().bytes()), rateLimit);
        }
        byte[] bytes = answer.body().bytes();
        if (method.pagination().isEmpty()) {
            // the hot path: copied into compact text, no tree
            Optional<JsonPayload> body =
                    isBlank(bytes) ? Optional.of(JsonPayload.of(Json.object())) : JsonPayload.compact(bytes);
            return body.<CallOutcome>map(b -> new CallOutcome.Success(status, b, rateLimit))
                    .orElseGet(() -> notJson(status, answer));
        }
        Optional<JsonNode> body = json(bytes);
        if (body.isEmpty()) {
            return notJson(status, answer);
        }
        return switch (ListNormalizer.normalize(method.pagination().get(), body.get(), arguments)) {
            case ListNormalizer.Normalized.Page page ->
                new CallOutcome.Success(status, JsonPayload.of(page.body()), rateLimit);
            case ListNormalizer.Normalized.Mismatch mismatch -> new CallOutcome.Failed(mismatch.message());
        };
    }

    private static CallOutcome notJson(int status, HttpTransport.Reply.Answered answer) {
        return new CallOutcome.Failed("upstream answered " + status + " with a non-JSON body (" + contentType(answer)
                + "); the integration expects JSON");
    }

    /** The body as JSON; an empty body is {@code {}}; empty when it is not JSON. */
    private static Optional<JsonNode> json(byte[] bytes) {
        if (isBlank(bytes)) {
            return Optional.of(Json.object());
        }
        try {
            return Optional.of(Json.parse(bytes));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** An error body as the caller sees it: JSON as is, other text as a JSON string, nothing as JSON null. */
    private static JsonNode raw(byte[] bytes) {
        if (isBlank(bytes)) {
            return JsonNodeFactory.instance.nullNode();
        }
        return json(bytes)
                .orElseGet(() -> JsonNodeFactory.instance.stringNode(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static String contentType(HttpTransport.Reply.Answered answer) {
        return RateLimitReader.first(answer.headers(), "content-type")
                .map(t -> "content-type "
                        + (t.length() > MAX_CONTENT_TYPE_SHOWN ? t.substring(0, MAX_CONTENT_TYPE_SHOWN) + "..." : t))
                .orElse("no content-type");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
