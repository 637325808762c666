package dev.toolgate.admin;

import dev.toolgate.accounts.ApiPrincipal;
import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.support.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Decoding shared by every admin handler: the caller, the body, path ids and list paging. */
final class AdminRequests {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final ApiTokens tokens;
    private final long maxBodyBytes;

    AdminRequests(ApiTokens tokens, long maxBodyBytes) {
        this.tokens = tokens;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The environment's principal of the presented API token, or 401. */
    ApiPrincipal principal(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized();
        }
        return tokens.authenticate(authorization.substring(7).strip()).orElseThrow(ApiException::unauthorized);
    }

    /** The request body as a JSON object, or 400/413/415 naming what is wrong. */
    ObjectNode body(Context ctx) {
        String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "send the body as Content-Type: application/json",
                    List.of(),
                    Map.of());
        }
        JsonNode node;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new ApiException(
                        413,
                        "payload_too_large",
                        "request bodies are limited to " + maxBodyBytes + " bytes",
                        List.of(),
                        Map.of());
            }
            node = Json.parse(bytes);
        } catch (IOException | JacksonException e) {
            throw new ApiException(400, "invalid_request", "body is not valid JSON", List.of(), Map.of());
        }
        if (!node.isObject()) {
            throw new ApiException(400, "invalid_request", "body must be a JSON object", List.of(), Map.of());
        }
        return (ObjectNode) node;
    }

    /** A UUID path parameter; anything else is simply not found. */
    static UUID id(Context ctx, String param, String what) {
        try {
            return UUID.fromString(ctx.pathParam(param));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }

    static Optional<String> cursor(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isBlank());
    }

    static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** A comma-separated (or repeated) query parameter as a list. */
    static List<String> listParam(Context ctx, String name) {
        return ctx.queryParams(name).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.writeBytes(body));
    }
}
