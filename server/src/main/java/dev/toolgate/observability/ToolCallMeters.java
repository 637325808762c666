package dev.toolgate.observability;

import dev.toolgate.tools.Tool;
import dev.toolgate.upstream.AccountAccess;
import dev.toolgate.upstream.CallObserver;
import dev.toolgate.upstream.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tool-call latency by integration, tool and outcome, and upstream HTTP statuses by integration. Meters are resolved
 * once per (integration, tool, outcome) and per (integration, status) and then reused, so a call costs two map
 * lookups by string and an array read, with no tag allocation. Tool names come from the integration definitions, never
 * from clients, so the number of series stays bounded. Thread-safe.
 */
final class ToolCallMeters implements CallObserver {
    static final String CALLS = "toolgate.tool.calls";
    static final String UPSTREAM = "toolgate.upstream.responses";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };
    private static final int MAX_STATUS = 600;

    private final MeterRegistry registry;
    private final ConcurrentMap<String, IntegrationMeters> integrations = new ConcurrentHashMap<>();

    ToolCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(AccountAccess account, Tool tool, CallOutcome outcome, long nanos) {
        String integration = account.integration().name();
        IntegrationMeters meters = integrations.get(integration);
        if (meters == null) {
            meters = integrations.computeIfAbsent(integration, IntegrationMeters::new);
        }
        meters.timer(tool.name(), ToolOutcome.of(outcome)).record(nanos, TimeUnit.NANOSECONDS);
        int status = ToolOutcome.upstreamStatus(outcome);
        if (status > 0 && status < MAX_STATUS) {
            meters.upstream(status).increment();
        }
    }

    /** The meters of one integration. */
    private final class IntegrationMeters {
        private final String integration;
        private final ConcurrentMap<String, AtomicReferenceArray<Timer>> tools = new ConcurrentHashMap<>();
        private final AtomicReferenceArray<Counter> statuses = new AtomicReferenceArray<>(MAX_STATUS);

        IntegrationMeters(String integration) {
            this.integration = integration;
        }

        Timer timer(String tool, ToolOutcome outcome) {
            AtomicReferenceArray<Timer> byOutcome = tools.get(tool);
            if (byOutcome == null) {
                byOutcome = tools.computeIfAbsent(tool, t -> new AtomicReferenceArray<>(ToolOutcome.values().length));
            }
            Timer timer = byOutcome.get(outcome.ordinal());
            if (timer == null) {
                // register() returns the existing meter for the same id, so a race only builds a throwaway builder
                timer = Timer.builder(CALLS)
                        .description("Tool calls (MCP tools/call and the admin proxy API), validation to result")
                        .tag("integration", integration)
                        .tag("tool", tool)
                        .tag("outcome", outcome.label())
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry);
                byOutcome.set(outcome.ordinal(), timer);
            }
            return timer;
        }

        Counter upstream(int status) {
            Counter counter = statuses.get(status);
            if (counter == null) {
                counter = Counter.builder(UPSTREAM)
                        .description("HTTP responses received from upstream APIs")
                        .tag("integration", integration)
                        .tag("status", Integer.toString(status))
                        .register(registry);
                statuses.set(status, counter);
            }
            return counter;
        }
    }
}
