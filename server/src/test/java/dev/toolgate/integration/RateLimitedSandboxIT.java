package dev.toolgate.integration;

import static dev.toolgate.testing.RunningDemo.ALL_TOOLS;
import static dev.toolgate.testing.RunningDemo.call;
import static dev.toolgate.testing.RunningDemo.callError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.support.Json;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RunningDemo;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sandbox that starts answering 429: the model gets an {@code isError} result with status 429 and the normalized
 * rate-limit values, the HTTP response carries the IETF {@code ratelimit-*} headers, and the gateway never retries.
 */
class RateLimitedSandboxIT {
    private static RunningDemo demo;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void reset() {
        demo.reset();
    }

    @Test
    void stripe_secondCallInTheWindow_is429WithResetAndIsNotRetried() {
        assertRateLimited("Stripe", "stripe", "get_single_stripe_balance_by_id", Map.of());
    }

    @Test
    void plastiq_secondCallInTheWindow_is429WithResetAndIsNotRetried() {
        assertRateLimited("Plastiq", "plastiq", "plastiq_billers_search", Map.of("query", "Omega"));
    }

    @Test
    void finexio_secondCallInTheWindow_is429WithResetAndIsNotRetried() {
        assertRateLimited("Finexio", "finexio", "list_all_finexio_webhooks", Map.of());
    }

    private static void assertRateLimited(String integration, String name, String tool, Map<String, Object> arguments) {
        McpSyncClient client = demo.client(integration, ALL_TOOLS);
        Sandbox sandbox = demo.sandbox(name);
        sandbox.rateLimit(1, 60);

        call(client, tool, arguments);
        JsonNode limited = callError(client, tool, arguments);

        assertThat(limited.get("status").asInt()).isEqualTo(429);
        assertThat(limited.get("is_remote_error").asBoolean()).isTrue();
        assertThat(limited.at("/ratelimit/ratelimit-reset").asLong()).isBetween(1L, 60L);
        assertThat(limited.get("message").asString()).contains("does not retry");
        assertThat(sandbox.requests()).hasSize(2);

        HttpJson.Response raw = rawCall(integration, tool, arguments);

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body().at("/result/isError").asBoolean()).isTrue();
        assertThat(raw.body().at("/result/structuredContent/status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(raw.header("ratelimit-reset"))).isBetween(1L, 60L);
        assertThat(sandbox.requests()).as("one request per call, no retry").hasSize(3);
    }

    /** A tools/call over raw HTTP, because the SDK client hides response headers. */
    private static HttpJson.Response rawCall(String integration, String tool, Map<String, Object> arguments) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + Json.write(arguments) + "}}";
        return demo.http()
                .send(
                        "POST",
                        demo.path(integration, ALL_TOOLS),
                        body,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "application/json, text/event-stream",
                                "MCP-Protocol-Version",
                                "2025-11-25"));
    }
}
