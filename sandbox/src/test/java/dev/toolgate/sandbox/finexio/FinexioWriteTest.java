package dev.toolgate.sandbox.finexio;

import static dev.toolgate.sandbox.finexio.FinexioSeed.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.testing.Http;
import dev.toolgate.sandbox.testing.Http.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Invoice batches, counterparties and webhooks: what Finexio accepts and refuses. */
class FinexioWriteTest {
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    private final FinexioSandbox sandbox = FinexioSandbox.start(0);
    private final Http http = new Http(
            sandbox.baseUrl(),
            Map.of("Authorization", FinexioSandboxTest.basic(FinexioSandbox.USERNAME, FinexioSandbox.PASSWORD)));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static String invoice(String number, String amountCents) {
        return """
                {"amount_cents":%s,"invoice_date":"%s","invoice_number":"%s","currency":"USD",
                 "originating_counterparty_id":"%s","receiving_counterparty_id":"%s"}""".formatted(amountCents, TODAY, number, BUYER_ID, SUPPLIER_ID);
    }

    private static String batch(int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> invoice("BATCH-" + i, "100"))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private int invoiceCount() {
        return http.get("/invoices/").json().path("count").asInt();
    }

    @Test
    void bulkCreate_500Invoices_createdWith201() {
        int before = invoiceCount();

        Response response = http.post("/invoices/batch/", batch(500));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json()).hasSize(500);
        assertThat(response.json().get(0).path("id").asString()).startsWith("inv_");
        assertThat(response.json().get(0).path("status").asString()).isEqualTo("pending");
        assertThat(response.json().get(0).path("amount_cents").asLong()).isEqualTo(100);
        assertThat(invoiceCount()).isEqualTo(before + 500);
    }

    @Test
    void bulkCreate_501OrNoInvoices_rejectedWithMessage() {
        Response tooMany = http.post("/invoices/batch/", batch(501));
        Response none = http.post("/invoices/batch/", "[]");
        Response notAList = http.post("/invoices/batch/", invoice("X-1", "100"));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("no more than 500");
        assertThat(none.status()).isEqualTo(400);
        assertThat(notAList.status()).isEqualTo(400);
    }

    @Test
    void bulkCreate_invalidItems_allOrNothingWithErrorsPerItem() {
        int before = invoiceCount();
        String body = "[" + invoice("OK-1", "100") + "," + invoice("BAD-1", "12.5") + "," + invoice("BAD-2", "0")
                + "," + invoice("OK-1", "100") + ",{\"amount_cents\":100},"
                + invoice("ACME-1003", "500") + "]";

        Response response = http.post("/invoices/batch/", body);

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().path("errors");
        assertThat(errors.at("/[1].amount_cents/0").asString()).isEqualTo("A valid integer is required.");
        assertThat(errors.at("/[2].amount_cents/0").asString()).contains("greater than or equal to 1");
        assertThat(errors.at("/[3].invoice_number/0").asString()).contains("already exists for this supplier");
        assertThat(errors.at("/[4].invoice_number/0").asString()).isEqualTo("This field is required.");
        assertThat(errors.at("/[5].invoice_number/0").asString()).contains("already exists");
        assertThat(errors.has("[0].amount_cents")).isFalse();
        assertThat(invoiceCount()).isEqualTo(before);
    }

    @Test
    void bulkCreate_unknownCounterpartiesOrOldDate_rejected() {
        String swapped = invoice("SW-1", "100")
                .replace(BUYER_ID, "tmp")
                .replace(SUPPLIER_ID, BUYER_ID)
                .replace("tmp", SUPPLIER_ID);
        String old = invoice("OLD-1", "100")
                .replace(TODAY, LocalDate.now(ZoneOffset.UTC).minusDays(400).toString());

        JsonNode errors = http.post("/invoices/batch/", "[" + swapped + "," + old + "]")
                .json()
                .path("errors");

        assertThat(errors.has("[0].originating_counterparty_id")).isTrue();
        assertThat(errors.has("[0].receiving_counterparty_id")).isTrue();
        assertThat(errors.at("/[1].invoice_date/0").asString()).contains("365 days");
    }

    @Test
    void createWebhook_withoutCredentials_400NamingEachMissingField() {
        Response response = http.post("/webhooks/", "{\"event\":\"payment.changed\",\"url\":\"https://x.example/h\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").propertyNames()).containsExactlyInAnyOrder("username", "password");
        assertThat(response.json().at("/errors/password/0").asString()).isEqualTo("This field is required.");
    }

    @Test
    void createWebhook_withCredentials_201AndPasswordNeverAnswered() {
        Response created = http.post("/webhooks/", """
                {"event":"payment.changed","url":"https://hooks.example.com/fx","username":"hook",
                 "password":"s3cret-Value","payment_status":true}""");
        String id = created.json().path("id").asString();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("username").asString()).isEqualTo("hook");
        assertThat(created.json().path("payment_status").asBoolean()).isTrue();
        assertThat(created.json().path("subscription").asString()).endsWith("/webhooks/" + id + "/");
        for (Response r : new Response[] {
            created,
            http.get("/webhooks/" + id + "/"),
            http.get("/webhooks/"),
            http.patch("/webhooks/" + id + "/", "{\"password\":\"other-secret\",\"url\":\"https://h.example/2\"}")
        }) {
            assertThat(r.body())
                    .doesNotContain("s3cret-Value")
                    .doesNotContain("other-secret")
                    .doesNotContain("\"password\"");
        }
        assertThat(http.delete("/webhooks/" + id + "/").status()).isEqualTo(204);
        assertThat(http.get("/webhooks/" + id + "/").status()).isEqualTo(404);
        assertThat(http.post(
                                "/webhooks/",
                                "{\"event\":\"payment.changed\",\"url\":\"not a url\",\"username\":\"u\","
                                        + "\"password\":\"p\"}")
                        .json()
                        .path("errors")
                        .has("url"))
                .isTrue();
    }

    @Test
    void createCounterparty_buyerOrMissingBankDetails_refused() {
        Response buyer = http.post("/counterparties/", "{\"name\":\"B\",\"type\":\"Buyer\",\"internal_id\":\"B-9\"}");
        Response achWithoutBank = http.post(
                "/counterparties/",
                "{\"name\":\"S\",\"type\":\"Supplier\",\"internal_id\":\"S-9\",\"payment_method\":\"ACH\"}");
        Response takenId = http.post("/counterparties/", """
                {"name":"S","type":"Supplier","internal_id":"SUP-ACME","payment_method":"Card","remit_email":"a@b.example"}""");

        assertThat(buyer.json().path("errors").has("type")).isTrue();
        assertThat(achWithoutBank.json().path("errors").propertyNames())
                .contains("bank_account_number", "bank_routing_number", "remit_email");
        assertThat(takenId.json().at("/errors/internal_id/0").asString()).contains("already exists");
    }

    @Test
    void createThenUpdateCounterparty_recordedInHistory() {
        Response created = http.post("/counterparties/", """
                {"name":"Gulf Coast Printing","type":"Supplier","internal_id":"SUP-GULF","payment_method":"PrintedCheck",
                 "address_1":"4 Bay St","city":"Mobile","state":"AL","zipcode":"36602"}""");
        String id = created.json().path("id").asString();

        Response updated = http.put("/counterparties/" + id + "/", """
                {"payment_method":"ACH","bank_account_number":"123456789","bank_routing_number":"062000019",
                 "remit_email":"ar@gulfcoast.example"}""");
        JsonNode history = http.get("/counterparties/history?object_id=" + id).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("payment_method").asString()).isEqualTo("ACH");
        assertThat(history.path("count").asInt()).isEqualTo(5);
        assertThat(history.path("results")
                        .valueStream()
                        .map(h -> h.path("action").asString())
                        .distinct())
                .containsExactly("Update");
        assertThat(http.get("/counterparties/history?object_id=" + id + "&page=3")
                        .json()
                        .at("/results/0/action")
                        .asString())
                .isEqualTo("Create");
    }
}
