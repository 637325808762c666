package dev.toolgate.upstream;

import dev.toolgate.integration.Method;
import dev.toolgate.support.Json;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes one method against one account's upstream (SPEC §5): maps arguments to path, query, headers and body,
 * injects auth, enforces timeouts and the response size cap, normalizes lists and rate-limit headers. Never retries,
 * not even a GET: a call is sent at most once.
 *
 * <p>Thread-safe; one instance shares one pooled HTTP client, so create one per process and {@link #close()} it on
 * shutdown. Calls block their own thread only and suit virtual threads.
 */
public final class UpstreamExecutor implements AutoCloseable {
    private final HttpTransport transport;
    private final ResponseReader responses;

    public UpstreamExecutor(UpstreamLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /**
     * @param clock "now" for turning absolute rate-limit resets (epoch times, HTTP dates) into seconds from now
     */
    public UpstreamExecutor(UpstreamLimits limits, Clock clock) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        this.transport = new HttpTransport(limits);
        this.responses = new ResponseReader(new RateLimitReader(clock), limits);
    }

    /**
     * @param arguments already validated against the tool schema; path values are still checked here, and a value
     *     that could change the host or path (e.g. {@code ../}, {@code ?}, {@code #}, {@code %2F}) is refused with
     *     {@link CallOutcome.Rejected} before anything is sent. {@code null} means no arguments. Arguments that no
     *     schema of the method declares are ignored.
     * @return never null; {@link CallOutcome.Failed} messages never contain credentials
     */
    public CallOutcome execute(AccountAccess account, Method method, ObjectNode arguments) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(method, "method");
        ObjectNode args = arguments == null ? Json.object() : arguments;
        Optional<CallOutcome> refusal = refusal(account, method, args);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        UpstreamRequest request = RequestMapper.map(account, method, args);
        return switch (transport.send(request)) {
            case HttpTransport.Reply.Answered answer -> {
                try {
                    yield responses.read(answer, account.integration().rateLimit(), method, args);
                } finally {
                    transport.release(answer);
                }
            }
            case HttpTransport.Reply.NoAnswer none -> none.failure();
        };
    }

    /** Why the call cannot be sent at all: bad arguments first (the caller can fix those), then the account. */
    private static Optional<CallOutcome> refusal(AccountAccess account, Method method, ObjectNode arguments) {
        Optional<CallOutcome.Rejected> rejected = ArgumentGuard.check(method, arguments);
        if (rejected.isPresent()) {
            return Optional.of(rejected.get());
        }
        Optional<CallOutcome.Failed> unusable = RequestMapper.checkBaseUrl(account.baseUrl())
                .or(() -> AuthInjector.check(account.integration().auth(), account.credentials()));
        return unusable.map(CallOutcome.class::cast);
    }

    /** Closes the HTTP client; calls in flight fail. */
    @Override
    public void close() {
        transport.close();
    }
}
