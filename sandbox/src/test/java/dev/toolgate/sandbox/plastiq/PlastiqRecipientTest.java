package dev.toolgate.sandbox.plastiq;

import static dev.toolgate.sandbox.plastiq.PlastiqSeed.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.testing.Http;
import dev.toolgate.sandbox.testing.Http.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Recipients validated per receivingMethod type, masking, deactivation; payers and payment methods. */
class PlastiqRecipientTest {
    private final PlastiqSandbox sandbox = PlastiqSandbox.start(0);
    private final Http http = new Http(sandbox.baseUrl(), Map.of("API-Key", PlastiqSandbox.API_KEY));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Response createRecipient(String receivingMethod) {
        return http.post("/recipients", """
                {"businessName":"Alpha Consulting","categoryId":"c0a1b2c3-0000-4000-8000-000000000006",
                 "businessAddress":{"line1":"1 Main St","city":"Austin","state":"TX","postalCode":"78701","country":"US"},
                 "contact":{"email":"billing@alphaconsulting.example"},"receivingMethod":%s,
                 "payer":{"id":"%s"}}""".formatted(receivingMethod, PAYER_ID));
    }

    private static String firstDetail(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        return response.json().at("/details/0/details").asString();
    }

    @Test
    void createRecipient_validAch_masksAccountNumber() {
        Response created = createRecipient("""
                {"type":"ACH","accountNumber":"987654321","routingNumber":"123456789","beneficiaryName":"Alpha"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode method = created.json().path("receivingMethod");
        assertThat(method.path("accountLastFour").asString()).isEqualTo("4321");
        assertThat(method.has("accountNumber")).isFalse();
        assertThat(created.body()).doesNotContain("987654321");
        String id = created.json().path("id").asString();
        assertThat(http.get("/recipients/" + id).status()).isEqualTo(404); // payer-scoped
        assertThat(http.get("/recipients/" + id + "?payerId=" + PAYER_ID).status())
                .isEqualTo(200);
    }

    @Test
    void createRecipient_eachTypeWithItsOwnRule_validationErrorNamingTheField() {
        assertThat(firstDetail(createRecipient("""
                {"type":"ACH","accountNumber":"987654321","routingNumber":"12345678","beneficiaryName":"Alpha"}""")))
                .isEqualTo("receivingMethod.routingNumber must be exactly 9 digits for ACH");
        assertThat(firstDetail(createRecipient("""
                {"type":"EFT","accountNumber":"1234567","routingNumber":"123456789","beneficiaryName":"Alpha"}""")))
                .startsWith("receivingMethod.routingNumber must be exactly 8 digits for EFT");
        assertThat(firstDetail(createRecipient("""
                {"type":"WIRE","accountNumber":"AB12","routingNumber":"026009593","beneficiaryName":"Alpha"}"""))).isEqualTo("receivingMethod.country is required");
        assertThat(firstDetail(createRecipient("{\"type\":\"CHECK\",\"line1\":\"1 Main St\"}")))
                .isEqualTo("receivingMethod.city is required");
        assertThat(firstDetail(createRecipient("{\"type\":\"PAYPAL\"}"))).startsWith("receivingMethod.type must be");
    }

    @Test
    void createRecipient_eftAndCheck_accepted() {
        assertThat(createRecipient("""
                {"type":"EFT","accountNumber":"1234567","routingNumber":"00301094","beneficiaryName":"Alpha"}""").status()).isEqualTo(200);
        assertThat(createRecipient("""
                {"type":"CHECK","line1":"1 Main St","city":"Austin","state":"TX","postalCode":"78701","country":"US"}""").status()).isEqualTo(200);
    }

    @Test
    void createRecipient_missingContactWays_validationError() {
        Response response = http.post("/recipients", """
                {"businessName":"X","categoryId":"c0a1b2c3-0000-4000-8000-000000000006",
                 "businessAddress":{"line1":"1 Main St","country":"US"},"contact":{"firstName":"Bob"},
                 "receivingMethod":{"type":"CHECK","line1":"1 Main St","city":"A","state":"TX","postalCode":"1",
                 "country":"US"}}""");

        assertThat(firstDetail(response)).isEqualTo("contact requires an email or a phone");
    }

    @Test
    void updateRecipient_statusInactive_isKept() {
        Response response = http.patch("/recipients/" + CHECK_RECIPIENT_ID, "{\"status\":\"INACTIVE\"}");

        assertThat(response.json().path("status").asString()).isEqualTo("INACTIVE");
        assertThat(http.get("/recipients/" + CHECK_RECIPIENT_ID)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("INACTIVE");
        assertThat(firstDetail(http.patch("/recipients/" + CHECK_RECIPIENT_ID, "{\"status\":\"PAUSED\"}")))
                .startsWith("status must be one of");
    }

    @Test
    void listRecipients_withPayer_includesItsOwnRecipients() {
        int shared = http.get("/recipients").json().at("/pagination/total").asInt();
        int forPayer = http.get("/recipients?payerId=" + PAYER_ID)
                .json()
                .at("/pagination/total")
                .asInt();

        assertThat(forPayer).isEqualTo(shared + 1);
    }

    @Test
    void createPaymentMethod_texasCardForPayerWithoutTin_inactiveAndMasked() {
        Response response = http.post("/payment-methods", """
                {"type":"CARD","payer":{"id":"%s"},"data":{"cardHolderName":"Dr. Ray","accountNumber":"4000056655665556",
                 "cvv":"123","expirationMonth":"04","expirationYear":"2031","billingAddress":{"line1":"1 Elm",
                 "city":"Dallas","state":"TX","postalCode":"75201","country":"US"}}}""".formatted(PAYER_WITHOUT_TIN_ID));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("INACTIVE");
        assertThat(response.json().at("/statusReasons/0/code").asString()).isEqualTo("PAYMENT_METHOD_REQUIRES_TIN");
        assertThat(response.json().at("/data/last4").asString()).isEqualTo("5556");
        assertThat(response.body()).doesNotContain("4000056655665556").doesNotContain("\"cvv\"");
    }

    @Test
    void createPayer_thenDelete_identityValuesNeverReturned() {
        Response created = http.post("/payers", """
                {"businessName":"Beta Logistics LLC","contact":{"email":"finance@beta.example"},
                 "businessAddress":{"line1":"100 Main St","city":"Austin","state":"TX","postalCode":"78701",
                 "country":"US"},"identityDocuments":[{"type":"US_EIN","value":"121234567"}]}""");
        String id = created.json().path("id").asString();

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.body()).doesNotContain("121234567");
        assertThat(http.delete("/payers/" + id).status()).isEqualTo(204);
        assertThat(http.get("/payers/" + id).status()).isEqualTo(404);
        assertThat(firstDetail(http.post("/payers", "{\"businessName\":\"No contact\"}")))
                .isEqualTo("contact is required");
    }

    @Test
    void createDocument_forAPayment_returnsUploadSlot() {
        Response response = http.post("/documents", """
                {"payer":{"id":"%s"},"type":"INVOICE","fileType":"pdf","filename":"invoice_1042.pdf",
                 "payment":{"id":"%s"}}""".formatted(PAYER_ID, DEPOSITED_PAYMENT_ID));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("uploadURL").asString()).startsWith("https://");
        assertThat(response.json().at("/metadata/Key").asString()).endsWith("invoice_1042.pdf");
        assertThat(firstDetail(http.post("/documents", """
                {"payer":{"id":"%s"},"type":"INVOICE","fileType":"pdf","filename":"a.pdf"}""".formatted(PAYER_ID))))
                .startsWith("exactly one of paymentIntent, payment or recipient");
    }
}
