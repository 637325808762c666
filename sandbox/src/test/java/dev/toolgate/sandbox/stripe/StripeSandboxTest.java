package dev.toolgate.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox over real HTTP (a fresh, freshly seeded sandbox per test): auth, paging, search, expansion, form nesting, errors, idempotency and rate limits. */
class StripeSandboxTest {
    private StripeSandbox sandbox;
    private StripeTestClient stripe;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(0, "sk_test_sandboxTestKey0000abcd");
        stripe = new StripeTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void request_wrongKey_is401WithMaskedKeyAndRecorded() {
        sandbox.clearRequests();
        var answer = new StripeTestClient(sandbox, "sk_test_wrongWrongWrong9876").get("/v1/balance");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(answer.body().at("/error/message").asString())
                .isEqualTo("Invalid API Key provided: sk_test_****9876")
                .doesNotContain("wrongWrong");
        RecordedRequest recorded = sandbox.requests().get(0);
        assertThat(recorded.path()).isEqualTo("/v1/balance");
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer sk_test_wrongWrongWrong9876");
        assertThat(recorded.headers()).containsKey("authorization");
    }

    @Test
    void request_missingKey_is401() {
        var answer = new StripeTestClient(sandbox, null).get("/v1/customers");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().at("/error/message").asString()).startsWith("You did not provide an API key.");
        assertThat(sandbox.credentials()).containsEntry("api_key", "sk_test_sandboxTestKey0000abcd");
    }

    @Test
    void listCustomers_pagesNewestFirstWithStartingAfter() {
        var first = stripe.get("/v1/customers");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("object").asString()).isEqualTo("list");
        assertThat(first.body().path("url").asString()).isEqualTo("/v1/customers");
        assertThat(first.body().path("data")).hasSize(10);
        assertThat(first.body().path("has_more").asBoolean()).isTrue();
        assertThat(first.body().at("/data/0/id").asString()).isEqualTo("cus_SeedLiam");
        String last = first.body().at("/data/9/id").asString();
        var second = stripe.get("/v1/customers?limit=100&starting_after=" + last);
        assertThat(ids(second.body())).isNotEmpty().doesNotContainAnyElementsOf(ids(first.body()));
        assertThat(ids(second.body())).last().isEqualTo("cus_SeedJane");
        assertThat(second.body().path("has_more").asBoolean()).isFalse();
    }

    @Test
    void listCustomers_filtersByEmail() {
        var answer = stripe.get("/v1/customers?email=jane@example.com");
        assertThat(ids(answer.body())).containsExactly("cus_SeedJane");
        assertThat(answer.body().at("/data/0/object").asString()).isEqualTo("customer");
        assertThat(answer.body().at("/data/0/livemode").asBoolean()).isFalse();
    }

    @Test
    void list_badLimitOrCursor_is400LikeStripe() {
        var zero = stripe.get("/v1/charges?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body().at("/error/param").asString()).isEqualTo("limit");
        assertThat(stripe.get("/v1/charges?limit=101").status()).isEqualTo(400);
        var text = stripe.get("/v1/charges?limit=ten");
        assertThat(text.body().at("/error/code").asString()).isEqualTo("parameter_invalid_integer");
        var cursor = stripe.get("/v1/customers?starting_after=cus_x");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.body().at("/error/message").asString()).isEqualTo("No such customer: 'cus_x'");
        assertThat(cursor.body().at("/error/param").asString()).isEqualTo("starting_after");
    }

    @Test
    void searchCustomers_supportsExactSubstringMetadataAndOr() {
        assertThat(ids(search("email:\"jane@example.com\""))).containsExactly("cus_SeedJane");
        assertThat(ids(search("name~\"jan\""))).containsExactlyInAnyOrder("cus_SeedJane", "cus_SeedJanet");
        assertThat(ids(search("metadata[\"order_id\"]:\"123\""))).containsExactly("cus_SeedOmar");
        assertThat(ids(search("email:\"omar@example.com\" OR email:\"ravi@example.org\"")))
                .containsExactlyInAnyOrder("cus_SeedOmar", "cus_SeedRavi");
        assertThat(ids(search("name~\"jan\" AND -email:\"jane@example.com\""))).containsExactly("cus_SeedJanet");
        JsonNode result = search("name~\"jan\"");
        assertThat(result.path("object").asString()).isEqualTo("search_result");
        assertThat(result.path("url").asString()).isEqualTo("/v1/customers/search");
    }

    @Test
    void searchCharges_pagesWithNextPageAndComparesNumbers() {
        var page = stripe.get("/v1/charges/search?limit=2&query=" + encode("amount>=12000"));
        assertThat(page.body().path("data")).hasSize(2);
        assertThat(page.body().path("has_more").asBoolean()).isTrue();
        String next = page.body().path("next_page").asString();
        var rest = stripe.get("/v1/charges/search?limit=100&page=" + next + "&query=" + encode("amount>=12000"));
        assertThat(rest.body().path("next_page").isNull()).isTrue();
        List<String> all = new ArrayList<>(ids(page.body()));
        all.addAll(ids(rest.body()));
        assertThat(all)
                .containsExactlyInAnyOrder(
                        "ch_SeedAcmeTeam", "ch_SeedRaviLaptop", "ch_SeedRaviHeadphones", "ch_SeedLenaTeam");
    }

    @Test
    void search_badQuery_is400NamingTheProblem() {
        var mixed = stripe.get("/v1/customers/search?query=" + encode("name~\"jan\" AND email:\"a\" OR phone:\"1\""));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body().at("/error/message").asString()).contains("AND and OR cannot be combined");
        var unknown = stripe.get("/v1/customers/search?query=" + encode("city:\"Paris\""));
        assertThat(unknown.body().at("/error/message").asString()).contains("unsupported search field");
        var unquoted = stripe.get("/v1/customers/search?query=" + encode("email:jane@example.com"));
        assertThat(unquoted.body().at("/error/message").asString()).contains("double quotes");
        var missing = stripe.get("/v1/customers/search");
        assertThat(missing.body().at("/error/code").asString()).isEqualTo("parameter_missing");
    }

    @Test
    void expand_replacesIdsWithObjectsOnObjectsAndLists() {
        var pi = stripe.get("/v1/payment_intents/pi_SeedJane3?expand[]=customer&expand[]=latest_charge");
        assertThat(pi.body().at("/customer/email").asString()).isEqualTo("jane@example.com");
        assertThat(pi.body().at("/latest_charge/object").asString()).isEqualTo("charge");
        var list = stripe.get("/v1/charges?customer=cus_SeedRavi&expand[]=data.customer");
        assertThat(list.body().at("/data/0/customer/email").asString()).isEqualTo("ravi@example.org");
        var nested = stripe.get("/v1/disputes/dp_SeedRaviLaptop?expand[]=charge.customer");
        assertThat(nested.body().at("/charge/customer/email").asString()).isEqualTo("ravi@example.org");
        var plain = stripe.get("/v1/charges/ch_SeedJane3");
        assertThat(plain.body().path("customer").asString()).isEqualTo("cus_SeedJane");
    }

    @Test
    void expand_invalid_is400() {
        var notExpandable = stripe.get("/v1/charges/ch_SeedJane3?expand[]=amount");
        assertThat(notExpandable.status()).isEqualTo(400);
        assertThat(notExpandable.body().at("/error/message").asString())
                .isEqualTo("This property cannot be expanded (amount).");
        var listWithoutData = stripe.get("/v1/charges?expand[]=customer");
        assertThat(listWithoutData.status()).isEqualTo(400);
        var notArray = stripe.get("/v1/charges/ch_SeedJane3?expand=customer");
        assertThat(notArray.body().at("/error/message").asString()).isEqualTo("Invalid array");
    }

    @Test
    void createCustomer_decodesBracketNesting() {
        var created = stripe.post(
                "/v1/customers",
                "email=nest%40example.com&name=Nest+Tester&metadata[order_id]=77"
                        + "&metadata[tier]=gold&address[line1]=1+Main+St&address[city]=Springfield&address[country]=US"
                        + "&preferred_locales[]=en&preferred_locales[]=fr");
        assertThat(created.status()).isEqualTo(200);
        JsonNode customer = created.body();
        assertThat(customer.path("id").asString()).matches("cus_[A-Za-z0-9]{14}");
        assertThat(customer.path("name").asString()).isEqualTo("Nest Tester");
        assertThat(customer.at("/metadata/order_id").asString()).isEqualTo("77");
        assertThat(customer.at("/address/city").asString()).isEqualTo("Springfield");
        assertThat(customer.at("/address/line2").isNull()).isTrue();
        assertThat(customer.path("preferred_locales")).hasSize(2);
        assertThat(customer.path("created").asLong()).isPositive();
        var updated = stripe.post("/v1/customers/" + customer.path("id").asString(), "metadata[tier]=&name=");
        assertThat(updated.body().path("metadata").has("tier")).isFalse();
        assertThat(updated.body().path("name").isNull()).isTrue();
    }

    @Test
    void request_errors_followStripeShapes() {
        var missing = stripe.get("/v1/charges/ch_nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().at("/error/code").asString()).isEqualTo("resource_missing");
        assertThat(missing.body().at("/error/message").asString()).isEqualTo("No such charge: 'ch_nope'");
        var unknownParam = stripe.post("/v1/customers", "emial=x%40example.com");
        assertThat(unknownParam.body().at("/error/code").asString()).isEqualTo("parameter_unknown");
        assertThat(unknownParam.body().at("/error/param").asString()).isEqualTo("emial");
        var badInteger = stripe.post("/v1/customers", "balance=12.5");
        assertThat(badInteger.body().at("/error/code").asString()).isEqualTo("parameter_invalid_integer");
        var url = stripe.get("/v1/nothing");
        assertThat(url.status()).isEqualTo(404);
        assertThat(url.body().at("/error/message").asString())
                .startsWith("Unrecognized request URL (GET: /v1/nothing)");
        var json = stripe.send(stripe.request("/v1/customers")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\"}")));
        assertThat(json.status()).isEqualTo(400);
        assertThat(missing.header("request-id")).startsWith("req_");
        assertThat(missing.header("stripe-version")).isEqualTo("2023-08-16");
    }

    @Test
    void idempotencyKey_replaysSameRequestAndRefusesDifferentParams() {
        Map<String, String> key = Map.of("Idempotency-Key", "key-replay-1");
        var first = stripe.post("/v1/customers", "email=idem%40example.com", key);
        var again = stripe.post("/v1/customers", "email=idem%40example.com", key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
        assertThat(first.header("idempotent-replayed")).isNull();
        assertThat(ids(stripe.get("/v1/customers?email=idem@example.com").body()))
                .hasSize(1);
        var different = stripe.post("/v1/customers", "email=other%40example.com", key);
        assertThat(different.status()).isEqualTo(400);
        assertThat(different.body().at("/error/type").asString()).isEqualTo("idempotency_error");
    }

    @Test
    void rateLimit_over_is429WithStripeReasonAndRetryAfter() {
        try (StripeSandbox limited = StripeSandbox.start(0)) {
            limited.rateLimit(2, 30);
            StripeTestClient client = new StripeTestClient(limited);
            assertThat(client.get("/v1/balance").status()).isEqualTo(200);
            assertThat(client.get("/v1/balance").status()).isEqualTo(200);
            var refused = client.get("/v1/balance");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("stripe-rate-limited-reason")).isEqualTo("global-rate");
            assertThat(Integer.parseInt(refused.header("retry-after"))).isBetween(1, 30);
            assertThat(refused.body().at("/error/code").asString()).isEqualTo("rate_limit");
            assertThat(limited.requests()).hasSize(3);
            limited.rateLimit(0, 1);
            assertThat(client.get("/v1/balance").status()).isEqualTo(200);
        }
    }

    private JsonNode search(String query) {
        var answer = stripe.get("/v1/customers/search?query=" + encode(query));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
