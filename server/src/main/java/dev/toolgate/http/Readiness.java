package dev.toolgate.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ready}: whether this node should get traffic. Not while it starts or stops, nor while its database check
 * fails or takes longer than the deadline. Probes arriving while a check runs share it, so a hanging database costs
 * one waiting thread, not one per probe. State changes are logged once. Thread-safe.
 */
final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final Supplier<Optional<String>> check;
    private final Duration deadline;
    private final AtomicReference<CompletableFuture<Optional<String>>> running = new AtomicReference<>();
    private volatile String state = "starting";
    private volatile Optional<String> lastProblem = Optional.empty();

    /** @param check why the node cannot serve, or empty (blocking is fine: it runs on its own virtual thread) */
    Readiness(Supplier<Optional<String>> check, Duration deadline) {
        this.check = check;
        this.deadline = deadline;
    }

    void started() {
        state = "";
    }

    void stopping() {
        state = "shutting down";
    }

    /** Why this node should get no traffic now, or empty when it is ready. */
    Optional<String> problem() {
        if (!state.isEmpty()) {
            return Optional.of(state);
        }
        Optional<String> problem = checkWithin();
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            problem.ifPresentOrElse(p -> LOG.warn("not ready: {}", p), () -> LOG.info("ready again"));
        }
        return problem;
    }

    private Optional<String> checkWithin() {
        try {
            return current().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("database did not answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(
                    "readiness check failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The check in flight, or a new one. */
    private CompletableFuture<Optional<String>> current() {
        while (true) {
            CompletableFuture<Optional<String>> existing = running.get();
            if (existing != null && !existing.isDone()) {
                return existing;
            }
            CompletableFuture<Optional<String>> next = new CompletableFuture<>();
            if (running.compareAndSet(existing, next)) {
                Thread.ofVirtual().name("toolgate-readiness").start(() -> {
                    try {
                        next.complete(check.get());
                    } catch (RuntimeException e) {
                        next.completeExceptionally(e);
                    }
                });
                return next;
            }
        }
    }
}
