package dev.toolgate.sandbox.plastiq;

import static dev.toolgate.sandbox.plastiq.PlastiqSeed.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.testing.Http;
import dev.toolgate.sandbox.testing.Http.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Plastiq emulator over real HTTP: auth, errors, trace ids, offset paging, the biller network, rate limits. */
class PlastiqSandboxTest {
    private final PlastiqSandbox sandbox = PlastiqSandbox.start(0);
    private final Http http = new Http(sandbox.baseUrl(), Map.of("API-Key", PlastiqSandbox.API_KEY));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anyRequest_withoutOrWithWrongApiKey_401AuthorizationErrorWithTraceId() {
        for (Http client : new Http[] {http.without("API-Key"), http.with("API-Key", "wrong")}) {
            Response response = client.get("/categories");

            assertThat(response.status()).isEqualTo(401);
            JsonNode body = response.json();
            assertThat(body.path("code").asString()).isEqualTo("AUTHORIZATION_ERROR");
            assertThat(body.path("message").asString()).isNotBlank();
            assertThat(body.path("details").isArray() && body.path("details").isEmpty())
                    .isTrue();
            assertThat(body.path("statusCode").asInt()).isEqualTo(401);
            assertThat(body.path("traceId").asString())
                    .isEqualTo(response.header("Trace-Id").orElseThrow());
            UUID.fromString(body.path("traceId").asString());
        }
    }

    @Test
    void requests_refusedOnes_areRecordedWithLowerCaseHeaders() {
        http.with("API-Key", "wrong").post("/payers", "{\"contact\":{\"email\":\"a@b.example\"}}");

        assertThat(sandbox.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/payers");
            assertThat(r.header("API-KEY")).isEqualTo("wrong");
            assertThat(r.headers()).containsKey("api-key");
            assertThat(r.body()).contains("a@b.example");
        });
        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void traceId_givenByCaller_isEchoed() {
        String trace = UUID.randomUUID().toString();

        Response response = http.with("Trace-Id", trace).get("/payers/" + PAYER_ID);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Trace-Id")).contains(trace);
    }

    @Test
    void listPaymentMethods_limitAndOffset_pagesWithPagination() {
        JsonNode first =
                http.get("/payment-methods?payerId=" + PAYER_ID + "&limit=2").json();
        JsonNode second = http.get("/payment-methods?payerId=" + PAYER_ID + "&limit=2&offset=2")
                .json();

        assertThat(first.path("data")).hasSize(2);
        assertThat(first.path("pagination").toString())
                .isEqualTo("{\"offset\":0,\"limit\":2,\"total\":3,\"hasNextPage\":true}");
        assertThat(second.path("data")).hasSize(1);
        assertThat(second.at("/pagination/hasNextPage").asBoolean()).isFalse();
        assertThat(first.at("/data/0/data/last4").asString()).isEqualTo("4242");
        assertThat(first.at("/data/0/data").has("accountNumber")).isFalse();
    }

    @Test
    void list_pastTheEnd_isDataOnly() {
        JsonNode body =
                http.get("/payment-methods?payerId=" + PAYER_ID + "&offset=10").json();

        assertThat(body.toString()).isEqualTo("{\"data\":[]}");
    }

    @Test
    void list_limitOver100OrMissingPayerId_validationErrorNamingTheParameter() {
        Response tooMany = http.get("/payments?payerId=" + PAYER_ID + "&limit=101");
        Response noPayer = http.get("/payments");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(tooMany.json().at("/details/0/details").asString()).contains("limit");
        assertThat(noPayer.status()).isEqualTo(400);
        assertThat(noPayer.json().at("/details/0/details").asString()).isEqualTo("payerId is required");
    }

    @Test
    void get_unknownPayer_404NotFoundError() {
        Response response = http.get("/payers/00000000-0000-4000-8000-000000000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asString()).isEqualTo("NOT_FOUND_ERROR");
        assertThat(response.json().path("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void searchBillers_byName_returnsGroupsWithNestedBillers() {
        JsonNode body = http.get("/billers?query=omega%20web").json();

        assertThat(body.path("data")).singleElement().satisfies(group -> {
            assertThat(group.path("groupId").asString()).isEqualTo(OMEGA_GROUP_ID);
            assertThat(group.path("name").asString()).isEqualTo("Omega Web Hosting");
            assertThat(group.path("billers"))
                    .extracting(b -> b.path("id").asString())
                    .containsExactly(OMEGA_BILLER_ID, OMEGA_CANADA_BILLER_ID);
            assertThat(group.at("/billers/0/businessAddress/city").asString()).isEqualTo("Austin");
            assertThat(group.at("/billers/0/receivingMethod/type").asString()).isEqualTo("ACH");
        });
    }

    @Test
    void listBillers_byCategoryAndPaged_filtersGroups() {
        JsonNode web =
                http.get("/billers?categoryId=" + WEB_SERVICES_CATEGORY_ID).json();
        JsonNode page = http.get("/billers?limit=2").json();

        assertThat(web.path("data"))
                .extracting(g -> g.path("name").asString())
                .containsExactly("Omega Web Hosting", "Summit Business Internet");
        assertThat(page.path("data")).hasSize(2);
        assertThat(page.at("/pagination/total").asInt()).isEqualTo(5);
        assertThat(http.get("/billers?query=no%20such%20biller").json().toString())
                .isEqualTo("{\"data\":[]}");
    }

    @Test
    void listCategories_allInOnePage() {
        JsonNode body = http.get("/categories").json();

        assertThat(body.path("data")).hasSize(7);
        assertThat(body.at("/data/0/displayName").asString()).isEqualTo("Utilities");
        assertThat(body.at("/pagination/hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void rateLimit_overTheLimit_429TooManyRequestsWithRetryAfterOnly() {
        sandbox.rateLimit(2, 60);

        assertThat(http.get("/categories").status()).isEqualTo(200);
        assertThat(http.get("/categories").status()).isEqualTo(200);
        Response limited = http.get("/categories");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.json().path("statusCode").asInt()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(limited.headers().keySet())
                .noneMatch(h -> h.toLowerCase().startsWith("x-ratelimit")
                        || h.toLowerCase().startsWith("ratelimit"));
        sandbox.rateLimit(0, 0);
        assertThat(http.get("/categories").status()).isEqualTo(200);
    }

    @Test
    void credentials_areTheApiKeyAndBaseUrlEndsInApi() {
        assertThat(sandbox.credentials()).containsExactly(Map.entry("api_key", PlastiqSandbox.API_KEY));
        assertThat(sandbox.baseUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/api");
        assertThat(sandbox.name()).isEqualTo("plastiq");
    }
}
