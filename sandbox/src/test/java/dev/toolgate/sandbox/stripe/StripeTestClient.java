package dev.toolgate.sandbox.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A plain JDK HTTP client speaking to a sandbox the way Stripe's clients do, for the sandbox tests. */
final class StripeTestClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;

    /** One answer: status, headers (lower-case names, first value) and the JSON body. */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    StripeTestClient(StripeSandbox sandbox) {
        this(sandbox, sandbox.apiKey());
    }

    StripeTestClient(StripeSandbox sandbox, String key) {
        this.base = sandbox.baseUrl();
        this.key = key;
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Answer delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE());
    }

    Answer post(String path, String form) {
        return post(path, form, Map.of());
    }

    Answer post(String path, String form, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return send(request);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            return new Answer(response.statusCode(), headers, Nodes.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }
}
