package dev.toolgate.tools;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tools one MCP server exposes, in a stable order, with lookup by name. Immutable and thread-safe; instances are
 * shared by every server with the same integration version and filter, so derived data (e.g. a pre-rendered
 * {@code tools/list} page) can be cached on it with {@link #derived}.
 */
public final class ToolCatalog {

    public List<Tool> tools() {
        throw new UnsupportedOperationException("implemented by the tools work");
    }

    public Optional<Tool> find(String name) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }

    public int size() {
        throw new UnsupportedOperationException("implemented by the tools work");
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Computes once and caches a value derived from this catalog under {@code key}. */
    public <T> T derived(String key, Function<ToolCatalog, T> compute) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }
}
