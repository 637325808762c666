package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class PathSafetyTest {
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

    private static CallOutcome getCustomer(Object id) {
        ObjectNode arguments = Json.object();
        arguments.set("id", Json.toTree(id));
        return calls.executor.execute(
                calls.upstream.account(), TestPayCalls.method(calls.definition, "customers", "get"), arguments);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../admin",
                "a/b",
                "a%2Fb",
                "x?y",
                "x#y",
                "..",
                ".",
                "",
                "a\nb",
                "a\\b",
                "a\r\nX-Evil: 1",
                "cus 1",
                "\u202Ecus"
            })
    void execute_pathValueThatCouldChangeThePath_isRejectedAndNothingIsSent(String id) {
        CallOutcome outcome = getCustomer(id);

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Rejected.class, r -> {
            assertThat(r.argument()).isEqualTo("id");
            assertThat(r.message()).startsWith("tool argument `id` ");
        });
        assertThat(calls.upstream.requests()).isEmpty();
    }

    @Test
    void execute_slashInId_namesTheForbiddenCharacter() {
        CallOutcome outcome = getCustomer("cus_1/../../admin");

        assertThat(outcome)
                .isEqualTo(
                        new CallOutcome.Rejected(
                                "id",
                                "tool argument `id` contains characters that are"
                                        + " not allowed in an id: `/`; pass the id alone, exactly as the upstream returned it"));
    }

    @Test
    void execute_nonScalarId_isRejectedAndNothingIsSent() {
        assertThat(getCustomer(List.of("cus_1"))).isInstanceOf(CallOutcome.Rejected.class);
        assertThat(getCustomer(true)).isInstanceOf(CallOutcome.Rejected.class);
        assertThat(calls.upstream.requests()).isEmpty();
    }

    @Test
    void execute_missingId_isRejectedNamingTheArgument() {
        CallOutcome outcome = calls.call("customers", "get", "{}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.Rejected.class,
                        r -> assertThat(r.argument()).isEqualTo("id"));
        assertThat(calls.upstream.requests()).isEmpty();
    }

    @Test
    void execute_ordinaryCharactersInId_arePercentEncodedIntoOneSegment() {
        CallOutcome outcome = getCustomer("cus_é:@;+=");

        assertThat(outcome).isInstanceOf(CallOutcome.UpstreamError.class);
        assertThat(calls.upstream.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.rawPath()).isEqualTo("/v1/customers/cus_%C3%A9%3A%40%3B%2B%3D"));
    }

    @Test
    void execute_numericId_isSentAsItsText() {
        getCustomer(42);

        assertThat(calls.upstream.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.rawPath()).isEqualTo("/v1/customers/42"));
    }

    @Test
    void execute_headerValueWithLineBreak_isRejectedAndNothingIsSent() {
        CallOutcome outcome = calls.call("invoices", "bulk_create", """
                {"invoices": [{"invoice_number": "X-1", "amount_cents": 1}],
                 "TestPay_Account": "acct_1\\r\\nAuthorization: Bearer stolen"}""");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CallOutcome.Rejected.class,
                        r -> assertThat(r.argument()).isEqualTo("TestPay_Account"));
        assertThat(calls.upstream.requests()).isEmpty();
    }
}
