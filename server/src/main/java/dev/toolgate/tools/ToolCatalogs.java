package dev.toolgate.tools;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolgate.integration.IntegrationDefinition;
import java.util.Objects;

/**
 * Cache of tool catalogs: tools are generated once per integration version, and a filtered catalog is built once per
 * (integration version, filter). Thread-safe.
 *
 * <p>Equal keys give the same {@link ToolCatalog} instance, so values cached with {@link ToolCatalog#derived} are
 * shared, for as long as the entry stays cached: the caches are bounded ({@value #MAX_VERSIONS} integration versions,
 * {@value #MAX_FILTERED} filtered catalogs), and an evicted catalog is rebuilt (as a new instance) when next asked for.
 * Filters are compared as given: {@code [read, write]} and {@code [write, read]} are two entries with equal content.
 */
public final class ToolCatalogs {
    static final int MAX_VERSIONS = 1_000;
    static final int MAX_FILTERED = 10_000;

    private final ToolGenerator generator;
    private final Cache<VersionKey, ToolCatalog> all = Caffeine.newBuilder()
            .maximumSize(MAX_VERSIONS)
            .executor(Runnable::run)
            .build();
    private final Cache<FilterKey, ToolCatalog> filtered = Caffeine.newBuilder()
            .maximumSize(MAX_FILTERED)
            .executor(Runnable::run)
            .build();

    public ToolCatalogs(ToolGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * Every tool of the integration.
     *
     * @throws ToolGenerationException when the integration's tools cannot be generated (nothing is cached then)
     */
    public ToolCatalog all(IntegrationDefinition integration) {
        return all.get(
                new VersionKey(integration.name(), integration.version()),
                k -> ToolCatalog.of(generator.generate(integration)));
    }

    /**
     * The tools of the integration that pass {@code filter}; {@link ToolFilter#ALL} gives the {@link #all} catalog.
     *
     * @throws ToolGenerationException when the integration's tools cannot be generated
     */
    public ToolCatalog filtered(IntegrationDefinition integration, ToolFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.methods().isEmpty() && filter.tags().isEmpty()) {
            return all(integration);
        }
        ToolCatalog every = all(integration);
        return filtered.get(
                new FilterKey(integration.name(), integration.version(), filter),
                k -> ToolCatalog.of(
                        every.tools().stream().filter(filter::allows).toList()));
    }

    private record VersionKey(String integration, String version) {}

    private record FilterKey(String integration, String version, ToolFilter filter) {}
}
