package dev.toolgate.testing;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** A tiny JSON-over-HTTP client for tests: real requests, raw statuses and headers, parsed bodies. */
public final class HttpJson {
    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpJson(String base) {
        this.base = base;
    }

    /** A response: status, headers, the body parsed as JSON (NullNode when empty or not JSON), and the raw text. */
    public record Response(int status, HttpHeaders headers, JsonNode body, String text) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response send(String method, String path, String bearer, JsonNode body) {
        return send(
                method,
                path,
                body == null ? null : Json.write(body),
                bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
    }

    public Response send(String method, String path, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (rawBody != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(
                method,
                rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(text);
        } catch (RuntimeException e) {
            return NullNode.getInstance();
        }
    }
}
