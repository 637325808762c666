package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Lists of every pagination style come back as {result, next_cursor}, and next_cursor leads to the next page. */
class PaginationTest {
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

    private static JsonNode page(String resource, String method, String arguments) {
        return page(resource, method, (ObjectNode) Json.parse(arguments));
    }

    private static JsonNode page(String resource, String method, ObjectNode arguments) {
        CallOutcome outcome = calls.executor.execute(
                calls.upstream.account(), TestPayCalls.method(calls.definition, resource, method), arguments);
        assertThat(outcome).isInstanceOf(CallOutcome.Success.class);
        JsonNode body = ((CallOutcome.Success) outcome).body().tree();
        assertThat(body.propertyNames()).containsExactly("result", "next_cursor");
        return body;
    }

    private static List<String> ids(JsonNode page) {
        return page.get("result").values().stream()
                .map(item -> item.get("id").asString())
                .toList();
    }

    private static RecordedRequest lastRequest() {
        List<RecordedRequest> requests = calls.upstream.requests();
        return requests.get(requests.size() - 1);
    }

    /** Follows next_cursor from the first page to the last, collecting every id. */
    private static List<String> all(String resource, String method, String firstArguments) {
        ObjectNode arguments = (ObjectNode) Json.parse(firstArguments);
        JsonNode page = page(resource, method, arguments);
        List<String> ids = new ArrayList<>(ids(page));
        for (int i = 0; i < 10 && !page.get("next_cursor").isNull(); i++) {
            arguments.set("next_cursor", page.get("next_cursor"));
            page = page(resource, method, arguments);
            ids.addAll(ids(page));
        }
        return ids;
    }

    @Test
    void execute_cursorList_returnsLastIdAsNextCursorWhileHasMore() {
        JsonNode first = page("customers", "list", "{\"limit\": 2}");

        assertThat(ids(first)).containsExactly("cus_3", "cus_2");
        assertThat(first.get("next_cursor").asString()).isEqualTo("cus_2");

        JsonNode second = page("customers", "list", "{\"limit\": 2, \"next_cursor\": \"cus_2\"}");

        assertThat(ids(second)).containsExactly("cus_1");
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(lastRequest().queryPairs())
                .containsExactly(Map.entry("limit", "2"), Map.entry("starting_after", "cus_2"));
    }

    @Test
    void execute_tokenList_passesNextPageTokenBackAsPage() {
        JsonNode first = page("customers", "search", "{\"query\": \"email~\\\"example.com\\\"\", \"limit\": 2}");

        assertThat(ids(first)).containsExactly("cus_3", "cus_2");
        String token = first.get("next_cursor").asString();
        assertThat(token).isNotEmpty();

        JsonNode second = page(
                "customers",
                "search",
                "{\"query\": \"email~\\\"example.com\\\"\", \"limit\": 2, \"next_cursor\": \"" + token + "\"}");

        assertThat(ids(second)).containsExactly("cus_1");
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(lastRequest().queryPairs()).contains(Map.entry("page", token));
    }

    @Test
    void execute_offsetList_returnsNextOffsetWhileHasNext() {
        JsonNode first = page("payouts", "list", "{\"limit\": 2}");

        assertThat(ids(first)).containsExactly("po_1", "po_2");
        assertThat(first.get("next_cursor").asString()).isEqualTo("2");
        assertThat(all("payouts", "list", "{\"limit\": 2}")).containsExactly("po_1", "po_2", "po_3", "po_4", "po_5");
        assertThat(lastRequest().queryPairs()).containsExactly(Map.entry("limit", "2"), Map.entry("offset", "4"));
    }

    @Test
    void execute_pageList_readsNextPageFromNextUrlWithoutFetchingIt() {
        JsonNode first = page("invoices", "list", "{}");

        assertThat(ids(first)).containsExactly("inv_1", "inv_2");
        assertThat(first.get("next_cursor").asString()).isEqualTo("2");
        assertThat(calls.upstream.requests()).hasSize(1);
        assertThat(all("invoices", "list", "{}")).startsWith("inv_1", "inv_2", "inv_3", "inv_4", "inv_5");
        assertThat(lastRequest().queryPairs()).containsExactly(Map.entry("page", "3"));
    }

    @Test
    void execute_pageListWhoseNextUrlHasNoPageNumber_continuesWithTheFollowingPage() {
        calls.upstream.replyNext(200, "application/json", """
                {"count": 9, "next": "https://elsewhere.example/v2/invoices/?cursor=abc", "previous": null,
                 "results": [{"id": "inv_x"}]}""");

        JsonNode page = page("invoices", "list", "{\"next_cursor\": \"3\"}");

        assertThat(page.get("next_cursor").asString()).isEqualTo("4");
        assertThat(calls.upstream.requests()).hasSize(1);
    }

    @Test
    void execute_pageListWithLimitTheUpstreamCannotTake_gatewayCutsPagesAndResumesMidPage() {
        JsonNode first = page("invoices", "list", "{\"limit\": 1}");

        assertThat(ids(first)).containsExactly("inv_1");
        assertThat(first.get("next_cursor").asString()).isEqualTo("1.1");
        assertThat(lastRequest().queryPairs()).isEmpty();

        JsonNode second = page("invoices", "list", "{\"limit\": 1, \"next_cursor\": \"1.1\"}");

        assertThat(ids(second)).containsExactly("inv_2");
        assertThat(second.get("next_cursor").asString()).isEqualTo("2");
        assertThat(all("invoices", "list", "{\"limit\": 1}"))
                .startsWith("inv_1", "inv_2", "inv_3", "inv_4", "inv_5")
                .doesNotHaveDuplicates();
    }

    @Test
    void execute_unpagedList_gatewayPagesTheWholeListItself() {
        var definition = new dev.toolgate.integration.IntegrationLoader()
                .load("whole.json", """
                {"name": "whole", "label": "Whole", "base_url": "https://whole.example", "auth": {"type": "bearer"},
                 "pagination": {"whole": {"style": "unpaged", "items": "/data"}},
                 "resources": [{"name": "categories", "singular": "category", "methods": [
                   {"name": "list", "http": "GET", "path": "/v2/categories",
                    "pagination": "whole", "documentation": {"description": "All categories."}}]}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var account = new AccountAccess(
                definition,
                java.net.URI.create(calls.upstream.baseUrl()),
                new Credentials(Map.of("api_key", dev.toolgate.testing.TestPayUpstream.DEFAULT_API_KEY)));
        var list = TestPayCalls.method(definition, "categories", "list");
        String whole = "{\"data\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]}";

        calls.upstream.replyNext(200, "application/json", whole);
        var first =
                (CallOutcome.Success) calls.executor.execute(account, list, (ObjectNode) Json.parse("{\"limit\": 2}"));
        calls.upstream.replyNext(200, "application/json", whole);
        var rest = (CallOutcome.Success) calls.executor.execute(
                account, list, (ObjectNode) Json.parse("{\"limit\": 2, \"next_cursor\": \"2\"}"));

        assertThat(ids(first.body().tree())).containsExactly("a", "b");
        assertThat(first.body().tree().get("next_cursor").asString()).isEqualTo("2");
        assertThat(ids(rest.body().tree())).containsExactly("c");
        assertThat(rest.body().tree().get("next_cursor").isNull()).isTrue();
        assertThat(calls.upstream.requests())
                .allSatisfy(r -> assertThat(r.queryPairs()).isEmpty());
    }

    @Test
    void execute_listWithDecimalsBeyondDoublePrecision_returnsEveryDigit() {
        calls.upstream.replyNext(200, "application/json", """
                {"object": "list", "has_more": false, "data": [
                  {"id": "cus_1", "balance": 1234567890.123456789012, "rate": 0.1000000000000000055511151231257827,
                   "fee": 1000.0, "cents": 100.50, "tiny": 1e-30, "whole": 12345678901234567890123}]}""");

        JsonNode page = page("customers", "list", "{\"limit\": 2}");

        String text = Json.write(page);
        assertThat(text)
                .contains("\"balance\":1234567890.123456789012")
                .contains("\"rate\":0.1000000000000000055511151231257827")
                .contains("\"fee\":1000.0")
                .contains("\"cents\":100.50")
                .contains("\"tiny\":1E-30")
                .contains("\"whole\":12345678901234567890123");
    }

    @Test
    void execute_cursorListFollowedToTheEnd_returnsEveryItemOnce() {
        assertThat(all("charges", "list", "{\"limit\": 1}")).containsExactly("ch_3", "ch_2", "ch_1");
    }

    @Test
    void execute_listWithoutItemsArray_failsNamingTheDefinitionMismatch() {
        calls.upstream.replyNext(200, "application/json", "{\"object\": \"list\", \"data\": \"nope\"}");

        CallOutcome outcome = calls.call("customers", "list", "{}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.Failed.class,
                        f -> assertThat(f.message()).contains("`/data`").contains("does not match"));
    }

    @Test
    void execute_offsetCursorThatIsNotANumber_isRejectedAndNothingIsSent() {
        CallOutcome outcome = calls.call("payouts", "list", "{\"next_cursor\": \"2; DROP\"}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.Rejected.class,
                        r -> assertThat(r.argument()).isEqualTo("next_cursor"));
        assertThat(calls.call("invoices", "list", "{\"next_cursor\": \"0\"}")).isInstanceOf(CallOutcome.Rejected.class);
        assertThat(calls.upstream.requests()).isEmpty();
    }
}
