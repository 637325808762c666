package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentCallsTest {

    @Test
    void execute_manyVirtualThreadsSharingOneExecutor_eachGetTheirOwnAnswer() throws Exception {
        try (var calls = new TestPayCalls();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CallOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String id = "cus_" + (i % 3 + 1);
                outcomes.add(threads.submit(() -> calls.call("customers", "get", "{\"id\": \"" + id + "\"}")));
            }

            for (int i = 0; i < outcomes.size(); i++) {
                String expected = "cus_" + (i % 3 + 1);
                assertThat(outcomes.get(i).get())
                        .isInstanceOfSatisfying(
                                CallOutcome.Success.class,
                                s -> assertThat(s.body().tree().get("id").asString())
                                        .isEqualTo(expected));
            }
            assertThat(calls.upstream.requests()).hasSize(60);
        }
    }
}
