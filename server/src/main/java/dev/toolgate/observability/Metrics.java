package dev.toolgate.observability;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.toolgate.upstream.CallObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The process's meters in one Prometheus registry (one per running server, never the global one): JVM basics, tool
 * calls and upstream statuses ({@link #toolCalls()}), cache statistics and gauges registered by the wiring, and what
 * the HTTP layer records. Thread-safe.
 */
public final class Metrics implements AutoCloseable {
    /** Content type of {@link #scrape()}: the Prometheus text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ToolCallMeters toolCalls = new ToolCallMeters(registry);

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Records every tool call's latency (by integration, tool, outcome) and upstream status (by integration). */
    public CallObserver toolCalls() {
        return toolCalls;
    }

    /**
     * Hit and miss counts ({@code toolgate_cache_gets_total{cache, result}}) and the hit ratio
     * ({@code toolgate_cache_hit_ratio{cache}}) of a cache, read at scrape time.
     *
     * @param owner kept by the registry only weakly: it must live as long as the server (a service object)
     */
    public <T> void cache(String name, T owner, Function<T, CacheStats> stats) {
        FunctionCounter.builder(
                        "toolgate.cache.gets", owner, o -> stats.apply(o).hitCount())
                .description("Cache lookups")
                .tag("cache", name)
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(
                        "toolgate.cache.gets", owner, o -> stats.apply(o).missCount())
                .description("Cache lookups")
                .tag("cache", name)
                .tag("result", "miss")
                .register(registry);
        Gauge.builder("toolgate.cache.hit.ratio", owner, o -> stats.apply(o).hitRate())
                .description("Share of cache lookups answered from the cache since start")
                .tag("cache", name)
                .register(registry);
    }

    /** A value read at scrape time; {@code owner} is held weakly, as in {@link #cache}. */
    public <T> void gauge(String name, String description, T owner, ToDoubleFunction<T> value) {
        Gauge.builder(name, owner, value).description(description).register(registry);
    }

    /** A monotonically growing count read at scrape time, with one tag; {@code owner} is held weakly. */
    public <T> void counter(
            String name, String description, String tag, String tagValue, T owner, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, owner, value)
                .description(description)
                .tag(tag, tagValue)
                .register(registry);
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
