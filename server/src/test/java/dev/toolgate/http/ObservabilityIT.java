package dev.toolgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RawMcp;
import dev.toolgate.testing.RunningToolgate;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health, readiness, request ids and the Prometheus scrape of a real server after real traffic. */
class ObservabilityIT {
    private static RunningToolgate gate;
    private static String apiToken;
    private static String mcpToken;
    private static RawMcp mcp;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start();
        apiToken = gate.apiToken("acme");
        String account = gate.connectTestPay(apiToken);
        mcpToken = gate.createServer(apiToken, account, "{\"name\":\"observed\"}")
                .get("token")
                .asString();
        mcp = new RawMcp(gate.http, "/mcp/" + mcpToken);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static HttpJson.Response get(String path, Map<String, String> headers) {
        return gate.http.send("GET", path, null, headers);
    }

    @Test
    void health_andReady_answer200WithoutAToken() {
        var health = get("/health", Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("ok");
        var ready = get("/ready", Map.of());
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().get("status").asString()).isEqualTo("ready");
    }

    @Test
    void requestId_isGeneratedWhenAbsentAndEchoedWhenSane() {
        assertThat(get("/health", Map.of()).header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(get("/health", Map.of("X-Request-Id", "trace-42:a.b")).header("X-Request-Id"))
                .isEqualTo("trace-42:a.b");
        assertThat(mcp.initialize("it", "1").header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void requestId_insaneOrShapedLikeAToken_isReplaced() {
        for (String bad : new String[] {"has space", "x".repeat(65), "semi;colon", mcpToken}) {
            String echoed = get("/health", Map.of("X-Request-Id", bad)).header("X-Request-Id");
            assertThat(echoed).as(bad).isNotEqualTo(bad).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void metrics_afterRealTraffic_haveEverySeriesAndNoSecret() throws Exception {
        String session = mcp.initialize("metrics-it", "2.0").header("Mcp-Session-Id");
        assertThat(mcp.call(session, "get_single_testpay_balance_by_id", "{}").status())
                .isEqualTo(200);
        assertThat(mcp.call(session, "get_single_testpay_customer_by_id", "{\"id\":\"cus_missing\"}")
                        .body()
                        .at("/result/isError")
                        .asBoolean())
                .isTrue();
        mcp.call(session, "create_a_testpay_refund", "{}"); // rejected: charge is required
        gate.upstream.rateLimitNext(1, Map.of("Retry-After", "7"));
        mcp.call(session, "list_all_testpay_customers", "{}");
        gate.http.send("GET", "/integrated-account", apiToken, (JsonNode) null);
        get("/no/such/" + mcpToken, Map.of());

        try (InputStream stream = openLegacyStream()) {
            assertThat(stream).isNotNull();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> scrape().contains("toolgate_mcp_sse_sessions 1.0"));
        }
        String metrics = scrape();

        assertThat(metrics)
                .doesNotContain(mcpToken)
                .doesNotContain(apiToken)
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/mcp/{token}\",status=\"200\"}")
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",route=\"/integrated-account\",status=\"200\"}")
                .contains("route=\"unmatched\",status=\"404\"}")
                .contains("toolgate_cache_gets_total{cache=\"mcp_token\",result=\"hit\"}")
                .contains("toolgate_cache_gets_total{cache=\"api_token\",result=\"miss\"}")
                .contains("toolgate_cache_hit_ratio{cache=\"mcp_token\"}")
                .contains("toolgate_audit_entries_total{result=\"dropped\"} 0.0")
                .contains("toolgate_audit_queue_size")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds");
        assertThat(series(metrics, "toolgate_tool_calls_seconds_count", "get_single_testpay_balance_by_id", "success"))
                .isPositive();
        assertThat(series(
                        metrics,
                        "toolgate_tool_calls_seconds_count",
                        "get_single_testpay_customer_by_id",
                        "upstream_error"))
                .isPositive();
        assertThat(series(metrics, "toolgate_tool_calls_seconds_count", "create_a_testpay_refund", "rejected"))
                .isPositive();
        assertThat(series(metrics, "toolgate_tool_calls_seconds_count", "list_all_testpay_customers", "rate_limited"))
                .isPositive();
        assertThat(metrics)
                .containsPattern("toolgate_tool_calls_seconds_bucket\\{integration=\"testpay\",outcome=\"success\","
                        + "tool=\"get_single_testpay_balance_by_id\",le=\"0\\.1\"}")
                .contains("toolgate_upstream_responses_total{integration=\"testpay\",status=\"200\"}")
                .contains("toolgate_upstream_responses_total{integration=\"testpay\",status=\"404\"}")
                .contains("toolgate_upstream_responses_total{integration=\"testpay\",status=\"429\"}");
    }

    @Test
    void metrics_withAToken_requireIt() {
        var operations = new ToolgateConfig.Operations(
                ToolgateConfig.LogFormat.PLAIN,
                Optional.of("scrape-secret-0123456789"),
                Duration.ofDays(30),
                Duration.ofSeconds(30));
        try (RunningToolgate guarded = RunningToolgate.start(operations)) {
            var none = guarded.http.send("GET", "/metrics", null, Map.of());
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(guarded.http
                            .send("GET", "/metrics", "wrong-secret-0123456789", (JsonNode) null)
                            .status())
                    .isEqualTo(401);
            var ok = guarded.http.send("GET", "/metrics", "scrape-secret-0123456789", (JsonNode) null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Content-Type")).startsWith("text/plain");
            assertThat(ok.text()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void ready_databaseGone_is503WithAReason_andAdmin500sQuoteTheRequestId() {
        try (RunningToolgate doomed = RunningToolgate.start()) {
            String token = doomed.apiToken("doomed");
            assertThat(doomed.http.send("GET", "/ready", null, Map.of()).status())
                    .isEqualTo(200);
            assertThat(doomed.http
                            .send("GET", "/integrated-account", token, (JsonNode) null)
                            .status())
                    .isEqualTo(200); // caches the token

            doomed.toolgate.services().database().close();

            var ready = doomed.http.send("GET", "/ready", null, Map.of());
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body().get("status").asString()).isEqualTo("unavailable");
            assertThat(ready.body().get("reason").asString()).startsWith("database unreachable");
            assertThat(doomed.http.send("GET", "/health", null, Map.of()).status())
                    .isEqualTo(200);
            var failed = doomed.http.send("GET", "/integrated-account", token, (JsonNode) null);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body().at("/error/message").asString())
                    .isEqualTo("internal error; reference " + failed.header("X-Request-Id"));
        }
    }

    private static String scrape() {
        var response = get("/metrics", Map.of());
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /** The value of a tool-call series, matched by tool and outcome whatever the tag order. */
    private static double series(String metrics, String name, String tool, String outcome) {
        var pattern = Pattern.compile(Pattern.quote(name) + "\\{([^}]*)} ([0-9.E+-]+)");
        var matcher = pattern.matcher(metrics);
        while (matcher.find()) {
            String tags = matcher.group(1);
            if (tags.contains("tool=\"" + tool + "\"") && tags.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private static InputStream openLegacyStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gate.baseUrl() + "/mcp/" + mcpToken + "/sse"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
