package dev.toolgate.tools;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.support.FieldError;
import java.util.List;

/**
 * Which tools an MCP server exposes (SPEC §2): a tool passes when it matches the method filter AND the tag filter.
 * An empty list means "no restriction" for that filter.
 *
 * <p>{@code methods} entries are groups or method names: {@code read} = list, get and read-only custom methods;
 * {@code write} = create, update, delete and state-changing custom methods; {@code custom} = every custom method; any
 * other entry is a method name ({@code list}, {@code get}, {@code search}, {@code bulk_create}, ...). A tool matches
 * when any entry matches. {@code tags}: a tool matches when its resource has at least one of the tags.
 *
 * @param methods method groups and names; empty = all
 * @param tags resource tags; empty = all
 */
public record ToolFilter(List<String> methods, List<String> tags) {
    public static final ToolFilter ALL = new ToolFilter(List.of(), List.of());

    public ToolFilter {
        methods = List.copyOf(methods);
        tags = List.copyOf(tags);
    }

    /** True when the tool passes both filters. */
    public boolean allows(Tool tool) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }

    /**
     * Entries that can never match anything in this integration (unknown method names or groups, unknown tags), as
     * field errors named {@code config.methods[i]} / {@code config.tags[i]}. Empty when every entry is meaningful.
     */
    public List<FieldError> check(IntegrationDefinition integration) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }
}
