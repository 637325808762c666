package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.TestPayUpstream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls that get no usable answer fail with a clear, credential-free message and are never retried. */
class TransportFailureTest {

    @Test
    void execute_upstreamSlowerThanReadTimeout_failsWithoutWaitingForIt() {
        var limits = new UpstreamLimits(Duration.ofSeconds(5), Duration.ofMillis(300), 1024 * 1024);
        try (var calls = new TestPayCalls(limits, Clock.systemUTC())) {
            calls.upstream.delayNext(Duration.ofSeconds(3));
            long started = System.nanoTime();

            CallOutcome outcome = calls.call("customers", "get", "{\"id\": \"cus_1\"}");

            assertThat(outcome).isEqualTo(new CallOutcome.Failed("the upstream did not answer within 0.3 s"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            // sent exactly once; on a cold JVM the upstream may record it only after the client has given up
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(calls.upstream.requests()).hasSize(1));
        }
    }

    @Test
    void execute_closedPort_failsNamingHostAndPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var account = new AccountAccess(
                TestPayUpstream.definition(),
                URI.create("http://127.0.0.1:" + port + "/"),
                new Credentials(Map.of("api_key", TestPayUpstream.DEFAULT_API_KEY)));
        try (var executor = new UpstreamExecutor(UpstreamLimits.DEFAULT)) {
            CallOutcome outcome =
                    executor.execute(account, TestPayCalls.method(account.integration(), "balance", "get"), null);

            assertThat(outcome)
                    .isEqualTo(new CallOutcome.Failed(
                            "could not connect to the upstream: 127.0.0.1:" + port + " refused the connection"));
            assertThat(outcome.toString()).doesNotContain(TestPayUpstream.DEFAULT_API_KEY);
        }
    }

    @Test
    void execute_accountWithoutApiKey_failsAndSendsNothing() {
        try (var calls = new TestPayCalls()) {
            var account =
                    new AccountAccess(calls.definition, calls.upstream.account().baseUrl(), new Credentials(Map.of()));

            CallOutcome outcome = calls.call(account, TestPayCalls.method(calls.definition, "balance", "get"), "{}");

            assertThat(outcome)
                    .isEqualTo(new CallOutcome.Failed(
                            "integrated account has no `api_key` credential; update the account"));
            assertThat(calls.upstream.requests()).isEmpty();
        }
    }

    @Test
    void execute_wrongApiKey_returnsTheUpstreams401() {
        try (var calls = new TestPayCalls()) {
            var account = new AccountAccess(
                    calls.definition,
                    calls.upstream.account().baseUrl(),
                    new Credentials(Map.of("api_key", "sk_test_wrong")));

            CallOutcome outcome = calls.call(account, TestPayCalls.method(calls.definition, "balance", "get"), "{}");

            assertThat(outcome).isInstanceOfSatisfying(CallOutcome.UpstreamError.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.rawResponse().at("/error/message").asString()).isEqualTo("Invalid API Key provided");
            });
        }
    }
}
