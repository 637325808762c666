package dev.toolgate.upstream;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Method;
import dev.toolgate.support.Json;
import dev.toolgate.testing.TestPayUpstream;
import java.time.Clock;
import tools.jackson.databind.node.ObjectNode;

/** A running {@link TestPayUpstream} plus an executor pointed at it: the tests' way to make one tool call. */
final class TestPayCalls implements AutoCloseable {
    final TestPayUpstream upstream;
    final UpstreamExecutor executor;
    final IntegrationDefinition definition = TestPayUpstream.definition();

    TestPayCalls() {
        this(UpstreamLimits.DEFAULT, Clock.systemUTC());
    }

    TestPayCalls(UpstreamLimits limits, Clock clock) {
        this.upstream = new TestPayUpstream().start();
        this.executor = new UpstreamExecutor(limits, clock);
    }

    /** Calls {@code resource.method} of the testpay account with arguments written as JSON. */
    CallOutcome call(String resource, String method, String arguments) {
        return call(upstream.account(), method(definition, resource, method), arguments);
    }

    CallOutcome call(AccountAccess account, Method method, String arguments) {
        return executor.execute(account, method, (ObjectNode) Json.parse(arguments));
    }

    static Method method(IntegrationDefinition definition, String resource, String method) {
        return definition.resource(resource).orElseThrow().method(method).orElseThrow();
    }

    @Override
    public void close() {
        executor.close();
        upstream.close();
    }
}
