package dev.toolgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RunningToolgate;
import dev.toolgate.testing.TestPayUpstream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin REST API over real HTTP: auth, validation with the field at fault, secrets never shown, isolation. */
class AdminApiIT {
    private static RunningToolgate gate;
    private static String token;
    private static String account;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start();
        token = gate.apiToken("acme");
        account = gate.connectTestPay(token);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @BeforeEach
    void clear() {
        gate.upstream.clear();
    }

    private static HttpJson.Response send(String method, String path, String json) {
        return gate.http.send(method, path, token, json == null ? null : Json.parse(json));
    }

    private static JsonNode fields(HttpJson.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().at("/error/code").asString()).isEqualTo("invalid_request");
        return response.body().at("/error/details");
    }

    private static String servers() {
        return "/integrated-account/" + account + "/mcp";
    }

    @Test
    void anyEndpoint_withoutOrWithBadToken_is401WithJsonError() {
        var none = gate.http.send("GET", "/integrated-account", null, (JsonNode) null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().at("/error/code").asString()).isEqualTo("unauthorized");
        assertThat(gate.http
                        .send("GET", "/integration", "0".repeat(64), (JsonNode) null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void integrations_areListedWithTheirTools() {
        var list = send("GET", "/integration", null);
        assertThat(list.body().get("result")).anySatisfy(i -> {
            assertThat(i.get("name").asString()).isEqualTo("testpay");
            assertThat(i.get("tool_count").asInt()).isEqualTo(15);
            assertThat(i.get("credential_fields").toString()).isEqualTo("[\"api_key\"]");
        });
        var one = send("GET", "/integration/testpay", null);
        assertThat(one.body().get("tools"))
                .anySatisfy(t -> assertThat(t.get("name").asString()).isEqualTo("create_a_testpay_refund"));
        assertThat(send("GET", "/integration/nope", null).status()).isEqualTo(404);
    }

    @Test
    void createAccount_badFields_are400NamingEachField() {
        var details = fields(send("POST", "/integrated-account", """
                {"integration":"testpay","label":"x","credentials":{"api_key":"","secret":"s3cret"},
                 "base_url":"ftp://nope"}"""));

        assertThat(details.findValuesAsString("field"))
                .contains("credentials.api_key", "credentials.secret", "base_url");
        assertThat(details.toString()).doesNotContain("s3cret");
        assertThat(fields(send(
                                "POST",
                                "/integrated-account",
                                "{\"integration\":\"nope\",\"label\":\"x\"," + "\"credentials\":{\"api_key\":\"k\"}}"))
                        .findValuesAsString("field"))
                .contains("integration");
        assertThat(fields(send(
                                "POST",
                                "/integrated-account",
                                "{\"integration\":\"testpay\",\"label\":\"x\","
                                        + "\"credentials\":{\"api_key\":\"k\"},\"colour\":\"red\"}"))
                        .findValuesAsString("field"))
                .containsExactly("colour");
    }

    @Test
    void accounts_neverShowCredentialValues() {
        String listed = send("GET", "/integrated-account", null).text()
                + send("GET", "/integrated-account/" + account, null).text();
        assertThat(listed)
                .doesNotContain(TestPayUpstream.DEFAULT_API_KEY)
                .contains("\"credential_fields\":[\"api_key\"]");
    }

    @Test
    void createServer_returnsTokenAndUrlOnlyOnce() {
        var created = send("POST", servers(), "{\"name\":\"once\",\"config\":{\"methods\":[\"read\"]}}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("token").asString();
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(created.body().get("url").asString()).isEqualTo(gate.toolgate.publicBase() + "/mcp/" + secret);
        assertThat(created.body().at("/config/methods").toString()).isEqualTo("[\"read\"]");

        String id = created.body().get("id").asString();
        assertThat(send("GET", servers() + "/" + id, null).text())
                .doesNotContain(secret)
                .doesNotContain("\"token\"");
        assertThat(send("GET", servers(), null).text()).doesNotContain(secret).doesNotContain("\"url\"");
    }

    @Test
    void createServer_invalidConfigs_are400NamingTheFilters() {
        assertThat(fields(send(
                                "POST",
                                servers(),
                                "{\"name\":\"none\",\"config\":{\"methods\":[\"write\"]," + "\"tags\":[\"balance\"]}}"))
                        .findValuesAsString("field"))
                .containsExactly("config");
        assertThat(fields(send("POST", servers(), "{\"name\":\"typo\",\"config\":{\"methods\":[\"raed\"]}}"))
                        .findValuesAsString("field"))
                .containsExactly("config.methods[0]");
        assertThat(fields(send("POST", servers(), "{\"config\":{}}")).findValuesAsString("field"))
                .contains("name");
    }

    @Test
    void createServer_expiresAtMustBeAMinuteAhead() {
        String soon = gate.clock.instant().plusSeconds(30).toString();
        assertThat(fields(send("POST", servers(), "{\"name\":\"x\",\"expires_at\":\"" + soon + "\"}"))
                        .findValuesAsString("field"))
                .containsExactly("expires_at");
        assertThat(fields(send("POST", servers(), "{\"name\":\"x\",\"expires_at\":\"tomorrow\"}"))
                        .findValuesAsString("field"))
                .containsExactly("expires_at");
        String later = gate.clock.instant().plusSeconds(3600).toString();
        var created = send("POST", servers(), "{\"name\":\"x\",\"expires_at\":\"" + later + "\"}");
        assertThat(created.status()).isEqualTo(201);

        var cleared = send("PATCH", servers() + "/" + created.body().get("id").asString(), "{\"expires_at\":null}");
        assertThat(cleared.body().get("expires_at").isNull()).isTrue();
    }

    @Test
    void toolsPreview_showsWhatAFilterWouldExpose() {
        var preview = send("GET", "/integrated-account/" + account + "/tools?methods=read&tags=payments", null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("result").findValuesAsString("name"))
                .containsExactlyInAnyOrder(
                        "list_all_testpay_charges", "get_single_testpay_charge_by_id", "list_all_testpay_refunds");
        assertThat(preview.body().get("count").asInt()).isEqualTo(3);
        assertThat(send("GET", "/integrated-account/" + account + "/tools?tags=nope", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void otherEnvironment_cannotSeeOrTouchThisAccount() {
        String other = gate.apiToken("other");
        assertThat(gate.http
                        .send("GET", "/integrated-account/" + account, other, (JsonNode) null)
                        .status())
                .isEqualTo(404);
        assertThat(gate.http
                        .send("GET", "/integrated-account", other, (JsonNode) null)
                        .body()
                        .get("result"))
                .isEmpty();
        assertThat(gate.http
                        .send("POST", servers(), other, Json.parse("{\"name\":\"x\"}"))
                        .status())
                .isEqualTo(404);
        assertThat(gate.http
                        .send("DELETE", "/integrated-account/" + account, other, (JsonNode) null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void proxy_runsOneMethodWithTheSameMappingAndPassesUpstreamStatusesThrough() {
        var ok = send("POST", "/integrated-account/" + account + "/proxy/customers/get", "{\"id\":\"cus_2\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("id").asString()).isEqualTo("cus_2");

        var missing = send("POST", "/integrated-account/" + account + "/proxy/refunds/create", "{\"charge\":\"ch_x\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()
                        .at("/error/upstream/raw_response/error/message")
                        .asString())
                .contains("No such charge");

        var invalid = send("POST", "/integrated-account/" + account + "/proxy/refunds/create", "{}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().at("/error/details/0/field").asString()).isEqualTo("charge");

        gate.upstream.rateLimitNext(1, Map.of("Retry-After", "9"));
        var limited = send("POST", "/integrated-account/" + account + "/proxy/customers/list", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("ratelimit-reset")).isEqualTo("9");
        assertThat(gate.upstream.requests()).hasSize(3);
    }

    @Test
    void apiTokens_canBeCreatedListedAndRevoked() {
        var created = send("POST", "/api-token", "{\"label\":\"ci\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("token").asString();
        assertThat(send("GET", "/api-token", null).text()).contains("\"ci\"").doesNotContain(secret);

        var revoked = send("DELETE", "/api-token/" + created.body().get("id").asString(), null);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(gate.http
                        .send("GET", "/integration", secret, (JsonNode) null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void openApiDocument_isServedAndEveryDocumentedOperationExists() {
        var document = gate.http.send("GET", "/openapi.json", null, (JsonNode) null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().get("openapi").asString()).startsWith("3.1");

        var paths = document.body().get("paths");
        assertThat(paths.propertyNames()).hasSize(14);
        for (String path : paths.propertyNames()) {
            String concrete = path.replace("{id}", java.util.UUID.randomUUID().toString())
                    .replace("{mcp_id}", java.util.UUID.randomUUID().toString())
                    .replace("{name}", "testpay")
                    .replace("{resource}", "customers")
                    .replace("{method}", "get");
            for (String verb : paths.get(path).propertyNames()) {
                if (verb.equals("parameters")) {
                    continue;
                }
                var response = send(
                        verb.toUpperCase(java.util.Locale.ROOT),
                        concrete,
                        verb.equals("get") || verb.equals("delete") ? null : "{}");
                assertThat(response.text()).as(verb + " " + path).doesNotContain("no such endpoint");
                assertThat(response.status()).as(verb + " " + path).isNotEqualTo(405);
            }
        }
    }

    @Test
    void unknownEndpoint_isJson404_withoutEchoingSecretsOfMcpPaths() {
        var response = send("GET", "/no/such/thing", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().at("/error/code").asString()).isEqualTo("not_found");
        var mcp = gate.http.send("PUT", "/mcp/" + "a".repeat(64), "{}", Map.of("Content-Type", "application/json"));
        assertThat(mcp.status()).isEqualTo(404);
        assertThat(mcp.text()).contains("/mcp/****").doesNotContain("a".repeat(64));
    }

    @Test
    void badBodies_areRefusedClearly() {
        assertThat(gate.http
                        .send(
                                "POST",
                                "/integrated-account",
                                "{oops",
                                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"))
                        .body()
                        .at("/error/message")
                        .asString())
                .contains("not valid JSON");
        assertThat(gate.http
                        .send(
                                "POST",
                                "/integrated-account",
                                "{}",
                                Map.of("Authorization", "Bearer " + token, "Content-Type", "text/plain"))
                        .status())
                .isEqualTo(415);
        assertThat(send("POST", "/integrated-account", "[1]").status()).isEqualTo(400);
    }
}
