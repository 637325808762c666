package dev.toolgate.sandbox.finexio;

import static dev.toolgate.sandbox.finexio.FinexioSeed.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.testing.Http;
import dev.toolgate.sandbox.testing.Http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Finexio emulator over real HTTP: auth, page paging, drawdown hierarchy, check images, rate limits. */
class FinexioSandboxTest {
    private final FinexioSandbox sandbox = FinexioSandbox.start(0);
    private final Http http = new Http(
            sandbox.baseUrl(), Map.of("Authorization", basic(FinexioSandbox.USERNAME, FinexioSandbox.PASSWORD)));

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anyRequest_wrongOrMissingCredentials_403WithDrfDetail() {
        Response wrong = http.with("Authorization", basic(FinexioSandbox.USERNAME, "nope"))
                .get("/payments/");
        Response missing = http.without("Authorization").get("/payments/");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("{\"detail\":\"Invalid username/password.\"}");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().path("detail").asString()).isEqualTo("Authentication credentials were not provided.");
        assertThat(sandbox.requests())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.headers().keySet()).allMatch(h -> h.equals(h.toLowerCase())));
    }

    @Test
    void listPayments_fixedPageSize_absoluteNextAndPreviousUrls() {
        String base = sandbox.baseUrl() + "/payments/";

        JsonNode first = http.get("/payments/").json();
        JsonNode second = http.get("/payments/?page=2").json();
        JsonNode last = http.get("/payments/?page=3").json();

        assertThat(first.path("count").asInt()).isEqualTo(6);
        assertThat(first.path("results")).hasSize(PageNumberPage.PAGE_SIZE);
        assertThat(first.path("next").asString()).isEqualTo(base + "?page=2");
        assertThat(first.path("previous").isNull()).isTrue();
        assertThat(second.path("previous").asString()).isEqualTo(base);
        assertThat(last.path("next").isNull()).isTrue();
        assertThat(last.path("previous").asString()).isEqualTo(base + "?page=2");
        Response beyond = http.get("/payments/?page=4");
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(beyond.json().path("detail").asString()).isEqualTo("Invalid page.");
    }

    @Test
    void listPayments_filters_keptInNextUrlAndApplied() {
        JsonNode notRefunded = http.get("/payments/?refunded=false").json();
        JsonNode pending = http.get("/payments/?status=pending").json();
        Response badStatus = http.get("/payments/?status=lost");

        assertThat(notRefunded.path("count").asInt()).isEqualTo(5);
        assertThat(notRefunded.path("next").asString()).endsWith("/v2/payments/?refunded=false&page=2");
        assertThat(pending.path("results"))
                .extracting(p -> p.path("id").asString())
                .containsExactly(CHECK_PAYMENT_WITHOUT_IMAGE_ID, CARD_PAYMENT_ID);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().path("errors").has("status")).isTrue();
    }

    @Test
    void payment_isInCentsWithEventsInvoicesAndItsDrawdown() {
        JsonNode payment = http.get("/payments/" + ACH_PAYMENT_ID + "/").json();

        assertThat(payment.path("amount_cents").isIntegralNumber()).isTrue();
        assertThat(payment.path("amount_cents").asLong()).isEqualTo(45000);
        assertThat(payment.path("currency").asString()).isEqualTo("USD");
        assertThat(payment.path("funding_drawdown_request_id").asString()).isEqualTo(DRAWDOWN_WITH_IMAGES_ID);
        assertThat(payment.at("/invoices/0/id").asString()).isEqualTo(PAID_INVOICE_ID);
        assertThat(payment.path("events")).hasSize(3);
        assertThat(http.get("/invoices/" + PAID_INVOICE_ID + "/")
                        .json()
                        .path("payment_id")
                        .asString())
                .isEqualTo(ACH_PAYMENT_ID);
        Response unknown = http.get("/payments/pmt_nope/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("title").asString()).isEqualTo("Not Found");
    }

    @Test
    void drawdown_thenItsPayments_thenTheirInvoices() {
        JsonNode drawdown =
                http.get("/reconciliation/drawdown/" + DRAWDOWN_WITH_IMAGES_ID).json();
        JsonNode page1 = http.get("/reconciliation/drawdown/" + DRAWDOWN_WITH_IMAGES_ID + "/payments")
                .json();
        JsonNode page2 = http.get("/reconciliation/drawdown/" + DRAWDOWN_WITH_IMAGES_ID + "/payments?page=2")
                .json();

        assertThat(drawdown.path("status").asString()).isEqualTo("received");
        assertThat(drawdown.path("amount_cents").asString()).isEqualTo("280000");
        assertThat(drawdown.path("originating_counterparty_id").asString()).isEqualTo(BUYER_ID);
        assertThat(page1.path("count").asInt()).isEqualTo(3);
        assertThat(page1.at("/results/0/id").asString()).isEqualTo(CHECK_PAYMENT_WITH_IMAGES_ID);
        assertThat(page1.at("/results/0/delivery_method").asString()).isEqualTo("mail");
        assertThat(page1.at("/results/0/city").asString()).isEqualTo("Orlando");
        assertThat(page1.at("/results/0/invoices")).hasSize(2);
        assertThat(page1.at("/results/0/amount_cents").asString()).isEqualTo("205000");
        assertThat(page2.at("/results/0/id").asString()).isEqualTo(CHECK_PAYMENT_ISSUED_ONLY_ID);
        assertThat(http.get("/reconciliation/drawdown?status=requested")
                        .json()
                        .at("/results/0/processor_request_id")
                        .asString())
                .isEqualTo(DRAWDOWN_WITHOUT_IMAGES_ID);
        assertThat(http.get("/reconciliation/drawdown").json().path("count").asInt())
                .isEqualTo(3);
    }

    @Test
    void paymentImages_noImageYet_isAnEmptyArray() {
        Response none = http.get("/payments/" + CHECK_PAYMENT_WITHOUT_IMAGE_ID + "/images");
        Response ach = http.get("/payments/" + ACH_PAYMENT_ID + "/images");

        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
        assertThat(ach.body()).isEqualTo("[]");
    }

    @Test
    void paymentImages_issuedAndDeposited_filteredByCheckImageType() {
        JsonNode both = http.get("/payments/" + CHECK_PAYMENT_WITH_IMAGES_ID + "/images")
                .json();
        JsonNode deposited = http.get("/payments/" + CHECK_PAYMENT_WITH_IMAGES_ID + "/images?checkImageType=Deposited")
                .json();
        JsonNode issuedOnly = http.get("/payments/" + CHECK_PAYMENT_ISSUED_ONLY_ID + "/images?checkImageType=Deposited")
                .json();

        assertThat(both).hasSize(2);
        assertThat(deposited).singleElement().satisfies(i -> {
            assertThat(i.path("check_image_url").asString()).endsWith("/deposited.png");
            assertThat(i.properties()).hasSize(1);
        });
        assertThat(issuedOnly.isArray() && issuedOnly.isEmpty()).isTrue();
        assertThat(http.get("/payments/" + ACH_PAYMENT_ID + "/images?checkImageType=Front")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void counterparties_filtersAndHistory() {
        JsonNode buyers = http.get("/counterparties/?type=Buyer").json();
        JsonNode byIds = http.get("/counterparties/?internal_id=SUP-ACME&internal_id=SUP-DELTA")
                .json();
        JsonNode byName = http.get("/counterparties/?name=bluebird").json();
        JsonNode history =
                http.get("/counterparties/history?object_id=" + SUPPLIER_ID).json();

        assertThat(buyers.path("count").asInt()).isEqualTo(2);
        assertThat(byIds.path("results"))
                .extracting(c -> c.path("id").asString())
                .containsExactly(SUPPLIER_ID, CARD_SUPPLIER_ID);
        assertThat(byName.at("/results/0/id").asString()).isEqualTo(CHECK_SUPPLIER_ID);
        assertThat(history.path("count").asInt()).isEqualTo(4);
        assertThat(history.at("/results/0/changes/field").asString()).isEqualTo("bank_account_number");
        assertThat(history.at("/results/1/action").asString()).isEqualTo("Update");
    }

    @Test
    void rateLimit_overTheLimit_429WithDrfMessageAndRetryAfter() {
        sandbox.rateLimit(1, 30);

        assertThat(http.get("/invoices/").status()).isEqualTo(200);
        Response limited = http.get("/invoices/");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("detail").asString())
                .matches("Request was throttled\\. Expected available in \\d+ seconds?\\.");
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow()))
                .isBetween(1, 30);
    }

    @Test
    void credentials_areUsernameAndPasswordAndBaseUrlEndsInV2() {
        assertThat(sandbox.credentials()).containsOnlyKeys("username", "password");
        assertThat(sandbox.baseUrl().toString()).endsWith("/v2");
        assertThat(sandbox.name()).isEqualTo("finexio");
    }
}
