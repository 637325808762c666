package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationLoader;
import dev.toolgate.testing.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each auth scheme puts the credentials where it says, and nothing else can replace them. */
class AuthSchemeTest {
    private static TestPayCalls calls;

    @BeforeAll
    static void start() {
        calls = new TestPayCalls();
    }

    @AfterAll
    static void stop() {
        calls.close();
    }

    @BeforeEach
    void clear() {
        calls.upstream.clear();
    }

    /** A one-method integration (GET /v1/balance, with the given header arguments) using {@code auth}. */
    static IntegrationDefinition mini(String auth, String defaultHeaders, String headerProperties) {
        String json = """
                {"name": "mini", "label": "Mini", "base_url": "https://mini.example", "auth": %s, "headers": %s,
                 "resources": [{"name": "balance", "singular": "balance", "singleton": true, "methods": [
                   {"name": "get", "http": "GET", "path": "/v1/balance", "documentation": {
                     "description": "Balance.",
                     "header_schema": {"type": "object", "properties": %s}}}]}]}""".formatted(auth, defaultHeaders, headerProperties);
        return new IntegrationLoader().load("mini.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordedRequest call(
            IntegrationDefinition definition, Map<String, String> credentials, String arguments) {
        var account = new AccountAccess(definition, URI.create(calls.upstream.baseUrl()), new Credentials(credentials));
        calls.call(account, TestPayCalls.method(definition, "balance", "get"), arguments);
        assertThat(calls.upstream.requests()).hasSize(1);
        return calls.upstream.requests().get(0);
    }

    @Test
    void execute_basicAuth_sendsBase64OfUtf8UsernameColonPassword() {
        var definition = mini("{\"type\": \"basic\"}", "{}", "{}");

        RecordedRequest request = call(definition, Map.of("username", "fin_user", "password", "pä:ss"), "{}");

        String expected = Base64.getEncoder().encodeToString("fin_user:pä:ss".getBytes(StandardCharsets.UTF_8));
        assertThat(request.headerValues("Authorization")).containsExactly("Basic " + expected);
    }

    @Test
    void execute_basicAuthWithoutPassword_failsAndSendsNothing() {
        var definition = mini("{\"type\": \"basic\"}", "{}", "{}");
        var account = new AccountAccess(
                definition, URI.create(calls.upstream.baseUrl()), new Credentials(Map.of("username", "fin_user")));

        CallOutcome outcome = calls.call(account, TestPayCalls.method(definition, "balance", "get"), "{}");

        assertThat(outcome)
                .isEqualTo(
                        new CallOutcome.Failed("integrated account has no `password` credential; update the account"));
        assertThat(calls.upstream.requests()).isEmpty();
    }

    @Test
    void execute_apiKeyHeader_sendsPrefixedKeyInTheNamedHeaderOnly() {
        var definition =
                mini("{\"type\": \"api_key_header\", \"header\": \"API-Key\", \"prefix\": \"Token \"}", "{}", "{}");

        RecordedRequest request = call(definition, Map.of("api_key", "pk_123"), "{}");

        assertThat(request.headerValues("API-Key")).containsExactly("Token pk_123");
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    void execute_defaultHeaderAndHeaderArgumentNamedLikeTheAuthHeader_cannotReplaceIt() {
        var definition = mini(
                "{\"type\": \"api_key_header\", \"header\": \"X-Api-Key\"}",
                "{\"x-api-key\": \"from-default\"}",
                "{\"X_Api_Key\": {\"type\": \"string\"}}");

        RecordedRequest request = call(definition, Map.of("api_key", "real"), "{\"X_Api_Key\": \"from-argument\"}");

        assertThat(request.headerValues("X-Api-Key")).containsExactly("real");
    }

    @Test
    void execute_bearerWithAuthorizationHeaderArgument_keepsTheAccountsKey() {
        var definition = mini("{\"type\": \"bearer\"}", "{}", "{\"Authorization\": {\"type\": \"string\"}}");

        RecordedRequest request = call(
                definition, Map.of("api_key", calls.upstream.apiKey()), "{\"Authorization\": \"Bearer sk_attacker\"}");

        assertThat(request.headerValues("Authorization")).containsExactly("Bearer " + calls.upstream.apiKey());
    }
}
