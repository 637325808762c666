package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.RecordedRequest;
import dev.toolgate.testing.TestPayUpstream;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the shared upstream client must never do on its own: keep cookies, ask for compression, speak TLS loosely. */
class HttpTransportTest {
    private final TestPayCalls calls = new TestPayCalls();

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void execute_upstreamSetsACookie_laterCallsDoNotSendIt() {
        calls.upstream.replyNext(
                200,
                Map.of("Content-Type", "application/json", "Set-Cookie", "session=account-one; Path=/"),
                "{\"object\":\"balance\"}");
        assertThat(calls.call("balance", "get", "{}")).isInstanceOf(CallOutcome.Success.class);

        assertThat(calls.call("balance", "get", "{}")).isInstanceOf(CallOutcome.Success.class);

        assertThat(calls.upstream.requests()).hasSize(2);
        for (RecordedRequest request : calls.upstream.requests()) {
            assertThat(request.header("Cookie")).isEmpty();
            assertThat(request.header("Accept-Encoding")).isEmpty();
        }
    }

    @Test
    void execute_httpsToAPlainHttpPort_failsNamingTheTlsHandshake_andKeepsTheKeyOut() {
        URI plain = URI.create(calls.upstream.baseUrl());
        var account = new AccountAccess(
                calls.definition,
                URI.create("https://127.0.0.1:" + plain.getPort() + "/"),
                new Credentials(Map.of("api_key", TestPayUpstream.DEFAULT_API_KEY)));

        CallOutcome outcome = calls.call(account, TestPayCalls.method(calls.definition, "balance", "get"), "{}");

        assertThat(outcome)
                .isEqualTo(new CallOutcome.Failed("could not connect to the upstream: the TLS handshake with 127.0.0.1:"
                        + plain.getPort() + " failed"));
        assertThat(outcome.toString()).doesNotContain(TestPayUpstream.DEFAULT_API_KEY);
    }
}
