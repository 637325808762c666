package dev.toolgate.integration;

import static dev.toolgate.testing.RunningDemo.ALL_TOOLS;
import static dev.toolgate.testing.RunningDemo.call;
import static dev.toolgate.testing.RunningDemo.callError;
import static dev.toolgate.testing.RunningDemo.callRaw;
import static dev.toolgate.testing.RunningDemo.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.sandbox.finexio.FinexioSeed;
import dev.toolgate.support.Json;
import dev.toolgate.testing.RunningDemo;
import io.modelcontextprotocol.client.McpSyncClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Finexio workflows a model is documented to perform, replayed through the demo's all-tools MCP server with the
 * official SDK client against the Finexio sandbox (whose pages hold two rows, so every list is followed through
 * {@code next_cursor}). A drawdown id, counterparty internal ids and a CSV are the starting facts.
 */
class FinexioWorkflowsIT {
    private static RunningDemo demo;
    private static McpSyncClient client;
    private static Sandbox finexio;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start();
        client = demo.client("Finexio", ALL_TOOLS);
        finexio = demo.sandbox("finexio");
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
    void drawdownToCheckImages_seededDrawdown_findsImagesForChecksAndAnEmptyArrayOtherwise() {
        JsonNode drawdown =
                call(client, "get_single_finexio_drawdown_by_id", Map.of("id", FinexioSeed.DRAWDOWN_WITH_IMAGES_ID));
        String drawdownId = drawdown.get("processor_request_id").asString();
        List<JsonNode> payments = all("finexio_drawdowns_payments", Map.of("id", drawdownId));
        assertThat(payments).hasSize(3);
        assertThat(sumCents(payments))
                .isEqualTo(Long.parseLong(drawdown.get("amount_cents").asString()));

        Map<String, List<String>> images = new LinkedHashMap<>();
        Map<String, String> delivery = new HashMap<>();
        for (JsonNode payment : payments) {
            String id = payment.get("id").asString();
            delivery.put(id, payment.get("delivery_method").asString());
            var result = callRaw(client, "get_single_finexio_payment_image_by_id", Map.of("id", id));
            assertThat(result.isError()).as("images of %s", id).isNotEqualTo(Boolean.TRUE);
            JsonNode urls = json(result);
            assertThat(urls.isArray()).isTrue();
            images.put(
                    id,
                    StreamSupport.stream(urls.spliterator(), false)
                            .map(u -> u.get("check_image_url").asString())
                            .toList());
        }

        List<String> withImages = images.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        List<String> without = images.entrySet().stream()
                .filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(withImages)
                .hasSize(2)
                .allSatisfy(id -> assertThat(delivery.get(id)).isEqualTo("mail"));
        assertThat(without)
                .singleElement()
                .satisfies(id -> assertThat(delivery.get(id)).isEqualTo("email"));
        assertThat(images.values())
                .flatMap(urls -> urls)
                .allSatisfy(url -> assertThat(url).startsWith("https://"));
        assertThat(finexio.requests()).extracting(r -> r.path()).contains("/v2/payments/" + without.get(0) + "/images");
    }

    @Test
    void getPaymentImage_checkNotScannedYet_isAnEmptyArrayNotAnError() {
        List<JsonNode> payments =
                all("finexio_drawdowns_payments", Map.of("id", FinexioSeed.DRAWDOWN_WITHOUT_IMAGES_ID));
        JsonNode check = payments.stream()
                .filter(p -> p.get("delivery_method").asString().equals("mail"))
                .findFirst()
                .orElseThrow();

        var result = callRaw(
                client,
                "get_single_finexio_payment_image_by_id",
                Map.of("id", check.get("id").asString()));

        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(json(result).isArray()).isTrue();
        assertThat(json(result)).isEmpty();
        assertThat(result.structuredContent()).isEqualTo(Map.of("result", List.of()));
    }

    @Test
    void webhookAuditThenCreate_noSubscriptionForOurUrl_createsOneAndNeverEchoesThePassword() {
        String url = "https://internal-gateway.corp.example/finexio";
        String password = "s3cret-Webhook-Pass";
        List<JsonNode> before = all("list_all_finexio_webhooks", Map.of());
        assertThat(before)
                .noneMatch(w -> w.get("event").asString().equals("payment.changed")
                        && w.get("url").asString().equals(url));

        var created = callRaw(
                client,
                "create_a_finexio_webhook",
                Map.of(
                        "event",
                        "payment.changed",
                        "url",
                        url,
                        "username",
                        "gateway-hook",
                        "password",
                        password,
                        "payment_status",
                        true));

        assertThat(created.isError()).isNotEqualTo(Boolean.TRUE);
        JsonNode webhook = json(created);
        assertThat(webhook.get("id").asString()).isNotBlank();
        assertThat(webhook.get("created_at").asString()).isNotBlank();
        assertThat(webhook.has("password")).isFalse();
        assertThat(Json.write(webhook)).doesNotContain(password);
        assertThat(String.valueOf(created.structuredContent())).doesNotContain(password);
        List<JsonNode> after = all("list_all_finexio_webhooks", Map.of());
        assertThat(after)
                .filteredOn(w -> w.get("id").asString().equals(webhook.get("id").asString()))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.get("url").asString()).isEqualTo(url);
                    assertThat(w.get("username").asString()).isEqualTo("gateway-hook");
                    assertThat(w.get("payment_status").asBoolean()).isTrue();
                    assertThat(w.has("password")).isFalse();
                });
        assertThat(after).hasSize(before.size() + 1);
        assertThat(finexio.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> assertThat(Json.parse(r.body()).get("password").asString())
                        .isEqualTo(password));
    }

    @Test
    void bulkCreateInvoices_csvInDollars_createsThreeInvoicesInCents() {
        String csv = """
                invoice_number,amount_usd
                ACME-2001,450.00
                ACME-2002,1200.00
                ACME-2003,80.00
                """;
        String supplier = counterparty("SUP-ACME");
        String buyer = counterparty("BUY-001");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> invoices = new ArrayList<>();
        csv.lines()
                .skip(1)
                .map(line -> line.split(","))
                .forEach(cells -> invoices.add(Map.of(
                        "invoice_number",
                        cells[0],
                        "amount_cents",
                        new BigDecimal(cells[1]).movePointRight(2).longValueExact(),
                        "currency",
                        "USD",
                        "invoice_date",
                        today,
                        "originating_counterparty_id",
                        buyer,
                        "receiving_counterparty_id",
                        supplier)));

        JsonNode created = call(client, "finexio_invoices_bulk_create", Map.of("invoices", invoices));

        assertThat(created.isArray()).isTrue();
        assertThat(created).hasSize(3);
        assertThat(StreamSupport.stream(created.spliterator(), false)
                        .map(i -> i.get("amount_cents").asLong()))
                .containsExactly(45000L, 120000L, 8000L);
        assertThat(StreamSupport.stream(created.spliterator(), false)
                        .map(i -> i.get("id").asString()))
                .allSatisfy(id -> assertThat(id).startsWith("inv_"))
                .doesNotHaveDuplicates();
        assertThat(finexio.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v2/invoices/batch/");
                    JsonNode body = Json.parse(r.body());
                    assertThat(body.isArray())
                            .as("Finexio takes the bare array")
                            .isTrue();
                    assertThat(body.get(0).get("amount_cents").isIntegralNumber())
                            .isTrue();
                });
        JsonNode stored = call(
                client,
                "get_single_finexio_invoice_by_id",
                Map.of("id", created.get(1).get("id").asString()));
        assertThat(stored.get("amount_cents").asLong()).isEqualTo(120000);
    }

    @Test
    void counterpartyHistory_forASupplier_returnsEveryChangeNewestFirst() {
        String supplier = counterparty("SUP-ACME");

        List<JsonNode> history = all("list_all_finexio_counterparty_history", Map.of("object_id", supplier));

        assertThat(history)
                .hasSize(4)
                .allSatisfy(h -> assertThat(h.get("objectId").asString()).isEqualTo(supplier));
        List<String> dates = history.stream().map(h -> h.get("date").asString()).toList();
        assertThat(dates).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(history).anySatisfy(h -> {
            assertThat(h.at("/changes/field").asString()).isEqualTo("payment_method");
            assertThat(h.at("/changes/oldValue").asString()).isEqualTo("PrintedCheck");
            assertThat(h.at("/changes/newValue").asString()).isEqualTo("ACH");
        });
    }

    @Test
    void listPayments_limitSmallerThanTheUpstreamPage_stillReturnsEveryPaymentOnce() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        do {
            Map<String, Object> arguments =
                    cursor == null ? Map.of("limit", 1) : Map.of("limit", 1, "next_cursor", cursor);
            JsonNode page = call(client, "list_all_finexio_payments", arguments);
            page.get("result").forEach(p -> ids.add(p.get("id").asString()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            calls++;
        } while (cursor != null && calls < 20);

        assertThat(ids).doesNotHaveDuplicates().hasSize(6).contains(FinexioSeed.CARD_PAYMENT_ID);
    }

    @Test
    void bulkCreateInvoices_501Invoices_isRejectedBeforeAnythingIsSent() {
        Map<String, Object> invoice = Map.of(
                "amount_cents",
                100,
                "invoice_date",
                "2026-01-15",
                "invoice_number",
                "X",
                "originating_counterparty_id",
                FinexioSeed.BUYER_ID,
                "receiving_counterparty_id",
                FinexioSeed.SUPPLIER_ID);

        JsonNode error = callError(
                client, "finexio_invoices_bulk_create", Map.of("invoices", Collections.nCopies(501, invoice)));

        assertThat(error.get("argument").asString()).isEqualTo("invoices");
        assertThat(error.get("message").asString()).contains("`invoices`").contains("500");
        assertThat(finexio.requests()).isEmpty();
    }

    private static String counterparty(String internalId) {
        JsonNode found = call(client, "list_all_finexio_counterparties", Map.of("internal_id", internalId));
        assertThat(found.get("result")).hasSize(1);
        return found.get("result").get(0).get("id").asString();
    }

    /** Every row of a list tool, following next_cursor to the end. */
    private static List<JsonNode> all(String tool, Map<String, Object> arguments) {
        List<JsonNode> rows = new ArrayList<>();
        Map<String, Object> next = new HashMap<>(arguments);
        for (int page = 0; page < 20; page++) {
            JsonNode answer = call(client, tool, next);
            answer.get("result").forEach(rows::add);
            if (answer.get("next_cursor").isNull()) {
                return rows;
            }
            next.put("next_cursor", answer.get("next_cursor").asString());
        }
        throw new AssertionError(tool + " did not reach its last page");
    }

    private static long sumCents(List<JsonNode> payments) {
        return payments.stream()
                .mapToLong(p -> Long.parseLong(p.get("amount_cents").asString()))
                .sum();
    }
}
