package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream errors, 429s and unusable answers become the right outcome, each after exactly one request. */
class ErrorOutcomeTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final long MAX_BYTES = 64 * 1024;

    private static TestPayCalls calls;

    @BeforeAll
    static void start() {
        var limits = new UpstreamLimits(
                UpstreamLimits.DEFAULT.connectTimeout(), UpstreamLimits.DEFAULT.readTimeout(), MAX_BYTES);
        calls = new TestPayCalls(limits, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        calls.close();
    }

    @BeforeEach
    void clear() {
        calls.upstream.clear();
    }

    @Test
    void execute_refundOfUnknownCharge_returnsUpstreamErrorWithTheUpstreamBody() {
        CallOutcome outcome = calls.call("refunds", "create", "{\"charge\": \"ch_x\"}");

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.UpstreamError.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.rawResponse().at("/error/message").asString()).isEqualTo("No such charge: 'ch_x'");
            assertThat(e.rawResponse().at("/error/param").asString()).isEqualTo("charge");
        });
    }

    @Test
    void execute_refundLargerThanTheCharge_returnsUpstreamError400() {
        CallOutcome outcome = calls.call("refunds", "create", "{\"charge\": \"ch_1\", \"amount\": 999999}");

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.UpstreamError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.rawResponse().at("/error/param").asString()).isEqualTo("amount");
        });
    }

    @Test
    void execute_429WithVendorHeaders_returnsRateLimitedNormalizedAfterOneRequest() {
        long reset = NOW.getEpochSecond() + 30;
        calls.upstream.rateLimitNext(
                1,
                Map.of(
                        "X-RateLimit-Limit",
                        "100",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        Long.toString(reset)));

        CallOutcome outcome = calls.call("customers", "get", "{\"id\": \"cus_1\"}");

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.RateLimited.class, r -> {
            assertThat(r.rateLimit())
                    .isEqualTo(new RateLimit(OptionalLong.of(100), OptionalLong.of(0), OptionalLong.of(30)));
            assertThat(r.rawResponse().at("/error/code").asString()).isEqualTo("rate_limit");
        });
        assertThat(calls.upstream.requests()).hasSize(1);
    }

    @Test
    void execute_429WithOnlyRetryAfter_usesItAsTheReset() {
        calls.upstream.rateLimitNext(1, Map.of("Retry-After", "7"));

        CallOutcome outcome = calls.call("customers", "create", "{\"email\": \"a@b.example\"}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.RateLimited.class,
                        r -> assertThat(r.rateLimit())
                                .isEqualTo(
                                        new RateLimit(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(7))));
        assertThat(calls.upstream.requests()).hasSize(1);
    }

    @Test
    void execute_429WithIetfAndVendorHeaders_prefersTheIetfValues() {
        calls.upstream.rateLimitNext(
                1,
                Map.of(
                        "RateLimit-Limit",
                        "50",
                        "RateLimit-Remaining",
                        "3",
                        "RateLimit-Reset",
                        "12",
                        "X-RateLimit-Limit",
                        "100",
                        "X-RateLimit-Remaining",
                        "0",
                        "Retry-After",
                        "99"));

        CallOutcome outcome = calls.call("balance", "get", "{}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.RateLimited.class,
                        r -> assertThat(r.rateLimit())
                                .isEqualTo(
                                        new RateLimit(OptionalLong.of(50), OptionalLong.of(3), OptionalLong.of(12))));
    }

    @Test
    void execute_successWithRateLimitHeaders_reportsThemToo() {
        calls.upstream.replyNext(
                200,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "X-RateLimit-Limit",
                        "25",
                        "X-RateLimit-Remaining",
                        "24",
                        "X-RateLimit-Reset",
                        Long.toString(NOW.getEpochSecond() - 5)),
                "{}");

        CallOutcome outcome = calls.call("balance", "get", "{}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.Success.class,
                        s -> assertThat(s.rateLimit())
                                .isEqualTo(
                                        new RateLimit(OptionalLong.of(25), OptionalLong.of(24), OptionalLong.of(0))));
    }

    @Test
    void execute_serverErrorWithTextBody_returnsUpstreamErrorWithTheTextAsAJsonString() {
        calls.upstream.replyNext(503, "text/plain", "upstream maintenance");

        CallOutcome outcome = calls.call("customers", "list", "{}");

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.UpstreamError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.rawResponse().asString()).isEqualTo("upstream maintenance");
        });
        assertThat(calls.upstream.requests()).hasSize(1);
    }

    @Test
    void execute_redirect_isReportedAndNotFollowed() {
        calls.upstream.replyNext(302, Map.of("Location", "http://127.0.0.1:9/steal"), "");

        CallOutcome outcome = calls.call("balance", "get", "{}");

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.UpstreamError.class, e -> {
            assertThat(e.status()).isEqualTo(302);
            assertThat(e.rawResponse().isNull()).isTrue();
        });
        assertThat(calls.upstream.requests()).hasSize(1);
    }

    @Test
    void execute_successWithNonJsonBody_failsNamingTheContentType() {
        calls.upstream.replyNext(200, "text/html; charset=utf-8", "<html>login</html>");

        CallOutcome outcome = calls.call("balance", "get", "{}");

        assertThat(outcome)
                .isEqualTo(new CallOutcome.Failed("upstream answered 200 with a non-JSON body (content-type"
                        + " text/html;charset=utf-8); the integration expects JSON"));
    }

    @Test
    void execute_successWithEmptyBody_returnsAnEmptyObject() {
        calls.upstream.replyNext(200, "application/json", "");

        CallOutcome outcome = calls.call("balance", "get", "{}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.Success.class,
                        s -> assertThat(s.body().toString()).isEqualTo("{}"));
    }

    @Test
    void execute_bodyAnnouncedLargerThanTheCap_fails() {
        calls.upstream.replyNextLarge(MAX_BYTES + 1, true);

        assertThat(calls.call("balance", "get", "{}"))
                .isInstanceOfSatisfying(
                        CallOutcome.Failed.class,
                        f -> assertThat(f.message())
                                .startsWith("upstream response larger than " + MAX_BYTES + " bytes"));
    }

    @Test
    void execute_streamedBodyLargerThanTheCap_failsWithoutReadingItAll() {
        calls.upstream.replyNextLarge(50 * MAX_BYTES, false);

        assertThat(calls.call("balance", "get", "{}"))
                .isInstanceOfSatisfying(
                        CallOutcome.Failed.class,
                        f -> assertThat(f.message())
                                .startsWith("upstream response larger than " + MAX_BYTES + " bytes"));
    }

    @Test
    void execute_bodyExactlyAtTheCap_isAccepted() {
        calls.upstream.replyNextLarge(MAX_BYTES, false);

        assertThat(calls.call("balance", "get", "{}")).isInstanceOf(CallOutcome.Success.class);
    }
}
