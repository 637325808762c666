package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.RecordedRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RequestMappingTest {
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

    private static JsonNode body(CallOutcome outcome) {
        assertThat(outcome).isInstanceOf(CallOutcome.Success.class);
        return ((CallOutcome.Success) outcome).body().tree();
    }

    @Test
    void execute_get_sendsGetWithEncodedIdAndBracketedExpand() {
        JsonNode customer = body(calls.call("customers", "get", """
                {"id": "cus_1", "expand": ["default_source", "tax ids"]}"""));

        assertThat(customer.get("email").asString()).isEqualTo("alice@example.com");
        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/customers/cus_1");
        assertThat(request.rawQuery()).isEqualTo("expand%5B%5D=default_source&expand%5B%5D=tax%20ids");
        assertThat(request.queryPairs())
                .containsExactly(Map.entry("expand[]", "default_source"), Map.entry("expand[]", "tax ids"));
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isEmpty();
    }

    @Test
    void execute_anyCall_injectsAuthDefaultHeadersAcceptAndUserAgent() {
        calls.call("balance", "get", "{}");

        RecordedRequest request = onlyRequest();
        assertThat(request.rawPath()).isEqualTo("/v1/balance");
        assertThat(request.headerValues("Authorization")).containsExactly("Bearer " + calls.upstream.apiKey());
        assertThat(request.header("TestPay-Version")).contains("2026-01-01");
        assertThat(request.header("Accept")).contains("application/json");
        assertThat(request.header("User-Agent")).contains("toolgate");
    }

    @Test
    void execute_list_sendsFilterAndLimitAsQuery() {
        JsonNode page = body(calls.call("customers", "list", """
                {"email": "bob@example.com", "limit": 5}"""));

        assertThat(page.get("result")).hasSize(1);
        assertThat(page.get("result").get(0).get("id").asString()).isEqualTo("cus_2");
        assertThat(page.get("next_cursor").isNull()).isTrue();
        assertThat(onlyRequest().queryPairs())
                .containsExactly(Map.entry("email", "bob@example.com"), Map.entry("limit", "5"));
    }

    @Test
    void execute_create_sendsFormBodyWithBracketNestingAndIdempotencyKey() {
        JsonNode created = body(calls.call("customers", "create", """
                {"email": "dan+test@example.com", "name": "Dan O'Neil & Co",
                 "address": {"line1": "1 Rue de la Paix", "city": "Paris", "country": "FR"},
                 "metadata": {"order_id": "A-1", "note": "50% off"}}"""));

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/customers");
        assertThat(request.rawQuery()).isEmpty();
        assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(request.formPairs())
                .containsExactly(
                        Map.entry("email", "dan+test@example.com"),
                        Map.entry("name", "Dan O'Neil & Co"),
                        Map.entry("address[line1]", "1 Rue de la Paix"),
                        Map.entry("address[city]", "Paris"),
                        Map.entry("address[country]", "FR"),
                        Map.entry("metadata[order_id]", "A-1"),
                        Map.entry("metadata[note]", "50% off"));
        assertThat(request.bodyText()).doesNotContain("+").contains("%20");
        assertThat(request.header("Idempotency-Key"))
                .hasValueSatisfying(k -> assertThat(k).hasSize(36));
        assertThat(created.at("/address/city").asString()).isEqualTo("Paris");
        assertThat(calls.upstream.customer(created.get("id").asString())).isPresent();
    }

    @Test
    void execute_createTwice_sendsAFreshIdempotencyKeyEachTime() {
        calls.call("refunds", "create", """
                {"charge": "ch_3", "amount": 100}""");
        calls.call("refunds", "create", """
                {"charge": "ch_3", "amount": 100}""");

        assertThat(calls.upstream.requests())
                .extracting(r -> r.header("Idempotency-Key").orElseThrow())
                .hasSize(2)
                .doesNotHaveDuplicates();
    }

    @Test
    void execute_readOnlyCalls_sendNoIdempotencyKey() {
        calls.call("customers", "get", """
                {"id": "cus_1"}""");
        calls.call("customers", "list", "{}");
        calls.call("customers", "search", """
                {"query": "email:\\"alice@example.com\\""}""");

        assertThat(calls.upstream.requests())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEmpty());
    }

    @Test
    void execute_update_postsOnlyGivenFieldsToTheObjectPath() {
        JsonNode updated = body(calls.call("customers", "update", """
                {"id": "cus_2", "metadata": {"tier": "gold"}, "ignored_argument": "x"}"""));

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/customers/cus_2");
        assertThat(request.bodyText()).isEqualTo("metadata%5Btier%5D=gold");
        assertThat(updated.at("/metadata/tier").asString()).isEqualTo("gold");
        assertThat(updated.get("email").asString()).isEqualTo("bob@example.com");
    }

    @Test
    void execute_delete_sendsDeleteWithoutBody() {
        JsonNode created = body(calls.call("customers", "create", """
                {"email": "gone@example.com"}"""));
        String id = created.get("id").asString();
        calls.upstream.clear();

        JsonNode deleted = body(calls.call("customers", "delete", "{\"id\": \"" + id + "\"}"));

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/v1/customers/" + id);
        assertThat(request.body()).isEmpty();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(calls.upstream.customer(id)).isEmpty();
    }

    @Test
    void execute_customMethod_postsToItsPathWithFormBody() {
        JsonNode charge = body(calls.call("charges", "capture", """
                {"id": "ch_2", "amount": 2000}"""));

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/charges/ch_2/capture");
        assertThat(request.bodyText()).isEqualTo("amount=2000");
        assertThat(request.header("Idempotency-Key")).isPresent();
        assertThat(charge.get("amount_captured").asLong()).isEqualTo(2000);
    }

    @Test
    void execute_postWithoutBodyArguments_sendsEmptyForm() {
        calls.call("customers", "update", """
                {"id": "cus_1"}""");

        RecordedRequest request = onlyRequest();
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
    }
}
