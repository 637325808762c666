package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationLoader;
import dev.toolgate.testing.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON-encoded methods: object and array bodies, repeated query filters, header arguments. */
class JsonEncodingTest {
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

    private static RecordedRequest onlyRequest() {
        assertThat(calls.upstream.requests()).hasSize(1);
        return calls.upstream.requests().get(0);
    }

    @Test
    void execute_bulkCreate_sendsTheArrayArgumentAsTopLevelJsonArrayWithHeaderArgument() {
        CallOutcome outcome = calls.call("invoices", "bulk_create", """
                {"invoices": [{"invoice_number": "INV-2001", "amount_cents": 1250},
                              {"invoice_number": "INV-2002", "amount_cents": 99}],
                 "TestPay_Account": "acct_42"}""");

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v2/invoices/batch/");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.bodyText())
                .isEqualTo("[{\"invoice_number\":\"INV-2001\",\"amount_cents\":1250},"
                        + "{\"invoice_number\":\"INV-2002\",\"amount_cents\":99}]");
        assertThat(request.header("TestPay-Account")).contains("acct_42");
        assertThat(request.header("TestPay_Account")).isEmpty();
        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Success.class, s -> {
            assertThat(s.status()).isEqualTo(201);
            assertThat(s.body().tree()).hasSize(2);
            assertThat(s.body().tree().get(0).get("account").asString()).isEqualTo("acct_42");
        });
    }

    static IntegrationDefinition things() {
        String json = """
                {"name": "things", "label": "Things", "base_url": "https://things.example", "auth": {"type": "bearer"},
                 "body_encoding": "json", "resources": [{"name": "things", "singular": "thing", "methods": [
                   {"name": "create", "http": "POST", "path": "/v2/things", "documentation": {
                     "description": "Creates a thing.",
                     "query_schema": {"type": "object", "properties": {
                       "status": {"type": "array", "items": {"type": "string"}},
                       "created": {"type": "object", "properties": {"gte": {"type": "integer"}}},
                       "min_amount": {"type": "number"}}},
                     "body_schema": {"type": "object", "properties": {
                       "name": {"type": "string"}, "note": {"type": ["string", "null"]},
                       "address": {"type": "object", "properties": {"city": {"type": "string"}}},
                       "tags": {"type": "array", "items": {"type": "string"}},
                       "amount": {"type": "number"}, "fee": {"type": "number"}}}}}]}]}""";
        return new IntegrationLoader().load("things.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void createThing(String arguments) {
        IntegrationDefinition definition = things();
        var account = new AccountAccess(
                definition,
                URI.create(calls.upstream.baseUrl() + "/"),
                new Credentials(Map.of("api_key", calls.upstream.apiKey())));
        calls.call(account, TestPayCalls.method(definition, "things", "create"), arguments);
    }

    @Test
    void execute_jsonObjectBody_sendsBodyArgumentsAsJsonKeepingExplicitNull() {
        createThing("""
                {"name": "Widget", "note": null, "address": {"city": "Lyon"}, "tags": ["a", "b"], "status": ["x"]}""");

        RecordedRequest request = onlyRequest();
        assertThat(request.rawPath()).isEqualTo("/v2/things");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.bodyText())
                .isEqualTo(
                        "{\"name\":\"Widget\",\"note\":null,\"address\":{\"city\":\"Lyon\"},\"tags\":[\"a\",\"b\"]}");
    }

    @Test
    void execute_jsonMethodQuery_repeatsArrayValuesAndNestsObjectsWithBrackets() {
        createThing("""
                {"status": ["pending", "in progress"], "created": {"gte": 1700000000}}""");

        assertThat(onlyRequest().rawQuery())
                .isEqualTo("status=pending&status=in%20progress&created%5Bgte%5D=1700000000");
    }

    @Test
    void execute_jsonPostWithoutBodyArguments_sendsAnEmptyObject() {
        createThing("{}");

        assertThat(onlyRequest().bodyText()).isEqualTo("{}");
    }

    @Test
    void execute_decimalArguments_goUpstreamDigitForDigit() {
        createThing("""
                {"amount": 1234567890.123456789012, "fee": 1000.0, "min_amount": 0.1000000000000000055511151231257827}""");

        RecordedRequest request = onlyRequest();
        assertThat(request.bodyText()).isEqualTo("{\"amount\":1234567890.123456789012,\"fee\":1000.0}");
        assertThat(request.rawQuery()).isEqualTo("min_amount=0.1000000000000000055511151231257827");
    }
}
