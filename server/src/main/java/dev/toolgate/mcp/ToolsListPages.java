package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import dev.toolgate.tools.Tool;
import dev.toolgate.tools.ToolAnnotations;
import dev.toolgate.tools.ToolCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Renders {@code tools/list} result pages. Each page of a catalog is serialized once per protocol era and cached on
 * the catalog (shared by every server with the same integration version and filter), so the hot path only splices
 * cached JSON. Both eras list the same tools in the same (catalog) order and share cursors; the 2026-07-28 page adds
 * {@code resultType}, the caching hints {@code ttlMs}/{@code cacheScope} and the result {@code _meta}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination">Pagination</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/server/tools#listing-tools">Listing tools
 *     (2026-07-28)</a>
 */
final class ToolsListPages {
    /**
     * How long a 2026-07-28 client may reuse a {@code tools/list} page: 5 minutes. A server's tool list changes only
     * when an admin edits its filters or the integration definition is upgraded, and we offer no change notifications
     * ({@code listChanged: false}, no {@code subscriptions/listen}), so this TTL is the bound on how stale a client's
     * list can get after such an edit. A stale list is harmless for safety: every {@code tools/call} is checked
     * against the live catalog (a removed tool is "Unknown tool") and every request re-checks the token.
     */
    static final long TTL_MS = 300_000;
    /**
     * {@code private}: a tool list belongs to one secret MCP URL (its own filters), i.e. to one authorization
     * context; {@code public} would let a shared cache hand it to other contexts.
     */
    static final String CACHE_SCOPE = "private";

    private static final String CURSOR_PREFIX = "tools:";

    private final int pageSize;

    ToolsListPages(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * The handshake-era result for the page at {@code cursor} (empty for the first page); empty when the cursor is
     * not ours.
     */
    Optional<RawValue> page(ToolCatalog catalog, Optional<String> cursor) {
        return index(catalog, cursor)
                .map(page -> catalog.derived("tools/list:" + pageSize + ":" + page, c -> render(c, page, null)));
    }

    /**
     * The 2026-07-28 result for the page at {@code cursor}; empty when the cursor is not ours. {@code resultMeta} is
     * the result's {@code _meta}; it must be fully determined by {@code resultMetaKey}, which is part of the cache key.
     */
    Optional<RawValue> modernPage(
            ToolCatalog catalog, Optional<String> cursor, String resultMetaKey, Supplier<ObjectNode> resultMeta) {
        return index(catalog, cursor)
                .map(page -> catalog.derived(
                        "tools/list@2026-07-28:" + pageSize + ":" + page + ":" + resultMetaKey,
                        c -> render(c, page, resultMeta.get())));
    }

    private Optional<Integer> index(ToolCatalog catalog, Optional<String> cursor) {
        Optional<Integer> index = cursor.isEmpty() ? Optional.of(0) : decode(cursor.get());
        if (index.isEmpty() || index.get() < 0 || (index.get() > 0 && index.get() * pageSize >= catalog.size())) {
            return Optional.empty();
        }
        return index;
    }

    /** One page; with {@code modernMeta} (2026-07-28) also resultType, ttlMs, cacheScope and _meta. */
    private RawValue render(ToolCatalog catalog, int page, ObjectNode modernMeta) {
        List<Tool> tools = catalog.tools();
        int from = page * pageSize;
        int to = Math.min(tools.size(), from + pageSize);
        ObjectNode result = Json.object();
        if (modernMeta != null) {
            result.put("resultType", McpDispatcher.RESULT_COMPLETE);
        }
        ArrayNode list = result.putArray("tools");
        tools.subList(from, to).forEach(tool -> list.add(toJson(tool)));
        if (to < tools.size()) {
            result.put("nextCursor", encode(page + 1));
        }
        if (modernMeta != null) {
            result.put("ttlMs", TTL_MS);
            result.put("cacheScope", CACHE_SCOPE);
            result.set("_meta", modernMeta);
        }
        // as a SerializedString the page's UTF-8 bytes are encoded once and copied on every answer after that
        return new RawValue(new SerializedString(Json.write(result)));
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
