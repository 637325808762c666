package dev.toolgate.testing;

import dev.toolgate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request as {@link TestPayUpstream} received it, before any handling.
 *
 * @param method upper-case HTTP verb
 * @param rawPath the path exactly as sent, still percent-encoded
 * @param rawQuery the query string exactly as sent, without {@code ?}; empty when there was none
 * @param headers every header, names lower-cased, values in order
 * @param body the raw body bytes (empty when none)
 */
public record RecordedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    public RecordedRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(rawPath);
        Objects.requireNonNull(rawQuery);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
                .flatMap(v -> v.stream().findFirst());
    }

    /** Every value of a header, by case-insensitive name. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON. */
    public JsonNode bodyJson() {
        return Json.parse(body);
    }

    /** The decoded query pairs, in order ({@code expand[]} stays a literal key). */
    public List<Map.Entry<String, String>> queryPairs() {
        return FormData.pairs(rawQuery);
    }

    /** The decoded form-body pairs, in order ({@code address[line1]} stays a literal key). */
    public List<Map.Entry<String, String>> formPairs() {
        return FormData.pairs(bodyText());
    }

    /** The form body nested by its bracketed keys, as a Stripe-style server reads it. */
    public ObjectNode form() {
        return FormData.tree(bodyText());
    }

    /** The query nested by its bracketed keys. */
    public ObjectNode query() {
        return FormData.tree(rawQuery);
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " (" + body.length + " bytes)";
    }
}
