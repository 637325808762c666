package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import dev.toolgate.tools.Tool;
import dev.toolgate.tools.ToolAnnotations;
import dev.toolgate.tools.ToolCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Renders {@code tools/list} result pages. Each page of a catalog is serialized once and cached on the catalog (shared
 * by every server with the same integration version and filter), so the hot path only splices cached JSON.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination">Pagination</a>
 */
final class ToolsListPages {
    private static final String CURSOR_PREFIX = "tools:";

    private final int pageSize;

    ToolsListPages(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The result for the page at {@code cursor} (empty for the first page); empty when the cursor is not ours. */
    Optional<RawValue> page(ToolCatalog catalog, Optional<String> cursor) {
        Optional<Integer> index = cursor.isEmpty() ? Optional.of(0) : decode(cursor.get());
        if (index.isEmpty() || index.get() < 0 || (index.get() > 0 && index.get() * pageSize >= catalog.size())) {
            return Optional.empty();
        }
        int page = index.get();
        return Optional.of(catalog.derived("tools/list:" + pageSize + ":" + page, c -> render(c, page)));
    }

    private RawValue render(ToolCatalog catalog, int page) {
        List<Tool> tools = catalog.tools();
        int from = page * pageSize;
        int to = Math.min(tools.size(), from + pageSize);
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray("tools");
        tools.subList(from, to).forEach(tool -> list.add(toJson(tool)));
        if (to < tools.size()) {
            result.put("nextCursor", encode(page + 1));
        }
        return new RawValue(Json.write(result));
    }

    static ObjectNode toJson(Tool tool) {
        ObjectNode json = Json.object();
        json.put("name", tool.name());
        json.put("title", tool.title());
        json.put("description", tool.description());
        json.set("inputSchema", tool.inputSchema());
        ToolAnnotations a = tool.annotations();
        ObjectNode annotations = json.putObject("annotations");
        annotations.put("title", a.title());
        annotations.put("readOnlyHint", a.readOnlyHint());
        annotations.put("destructiveHint", a.destructiveHint());
        annotations.put("idempotentHint", a.idempotentHint());
        annotations.put("openWorldHint", a.openWorldHint());
        return json;
    }

    private static String encode(int page) {
        byte[] bytes = (CURSOR_PREFIX + page).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<Integer> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(CURSOR_PREFIX)
                    ? Optional.of(Integer.parseInt(text.substring(CURSOR_PREFIX.length())))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
