package dev.toolgate.upstream;

import dev.toolgate.integration.Method;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes one method against one account's upstream (SPEC §5): maps arguments to path, query, headers and body,
 * injects auth, enforces timeouts and the response size cap, normalizes lists and rate-limit headers. Never retries.
 * Thread-safe; one instance shares one pooled HTTP client.
 */
public final class UpstreamExecutor {

    public UpstreamExecutor(UpstreamLimits limits) {}

    /**
     * @param arguments already validated against the tool schema; path values are still checked here, and a value
     *     that could change the host or path (e.g. {@code ../}, {@code ?}, {@code #}, {@code %2F}) is refused with
     *     {@link CallOutcome.Rejected} before anything is sent
     */
    public CallOutcome execute(AccountAccess account, Method method, ObjectNode arguments) {
        throw new UnsupportedOperationException("implemented by the upstream work");
    }
}
