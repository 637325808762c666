package dev.toolgate.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The tools one MCP server exposes, in a stable order, with lookup by name. Immutable and thread-safe; instances are
 * shared by every server with the same integration version and filter, so derived data (e.g. a pre-rendered
 * {@code tools/list} page) can be cached on it with {@link #derived}.
 */
public final class ToolCatalog {
    private final List<Tool> tools;
    private final Map<String, Tool> byName;
    private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>();

    private ToolCatalog(List<Tool> tools) {
        Map<String, Tool> index = new LinkedHashMap<>();
        for (Tool tool : tools) {
            if (index.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("two tools are named " + tool.name());
            }
        }
        this.tools = List.copyOf(tools);
        this.byName = Map.copyOf(index);
    }

    /**
     * A catalog of {@code tools} in the given order. Production code gets catalogs from {@link ToolCatalogs}, which
     * shares them; this is for building one directly (e.g. in tests).
     *
     * @throws IllegalArgumentException when two tools share a name
     */
    public static ToolCatalog of(List<Tool> tools) {
        return new ToolCatalog(tools);
    }

    /** The tools in generation order (resources, then methods, in file order). */
    public List<Tool> tools() {
        return tools;
    }

    /** The tool of that name; empty when there is none in this catalog (e.g. filtered out). */
    public Optional<Tool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public int size() {
        return tools.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Computes once and caches a value derived from this catalog under {@code key}. Concurrent callers for the same
     * key wait for the first computation and get its value. {@code compute} must return non-null, must not call
     * {@code derived} on this catalog itself, and the value must be safe to share between threads. The caller chooses
     * keys so that one key always maps to one type.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<ToolCatalog, T> compute) {
        return (T) derived.computeIfAbsent(key, k -> Objects.requireNonNull(compute.apply(this), k));
    }
}
