package dev.toolgate.upstream;

import dev.toolgate.integration.Pagination;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request side of pagination: turns the gateway's {@code limit} and opaque {@code next_cursor} tool arguments into
 * the upstream's own query parameters, and tells the response side where the requested page started.
 */
final class PageParams {
    static final String LIMIT = "limit";
    static final String NEXT_CURSOR = "next_cursor";

    private PageParams() {}

    /** Why the paging arguments cannot be sent, as a rejection; empty when they are usable. */
    static Optional<CallOutcome.Rejected> check(Pagination pagination, ObjectNode arguments) {
        JsonNode limit = arguments.path(LIMIT);
        if (present(limit) && !(limit.canConvertToLong() && limit.isIntegralNumber() && limit.asLong() >= 1)) {
            return Optional.of(new CallOutcome.Rejected(
                    LIMIT, "tool argument `limit` must be a whole number of at" + " least 1, got " + limit));
        }
        JsonNode cursor = arguments.path(NEXT_CURSOR);
        if (!present(cursor)) {
            return Optional.empty();
        }
        if (!cursor.isString() || cursor.asString().isEmpty()) {
            return Optional.of(rejectCursor("must be a non-empty string"));
        }
        return switch (pagination) {
            case Pagination.Cursor c -> Optional.empty();
            case Pagination.Token t -> Optional.empty();
            case Pagination.Offset o -> position(cursor.asString());
            case Pagination.Unpaged u -> position(cursor.asString());
            case Pagination.Page p ->
                pagePosition(cursor.asString()).isPresent()
                        ? Optional.empty()
                        : Optional.of(rejectCursor("is not a valid page for this list"));
        };
    }

    /** The upstream query parameters for the paging arguments; they win over same-named query arguments. */
    static Map<String, JsonNode> query(Pagination pagination, ObjectNode arguments) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        JsonNode limit = arguments.path(LIMIT);
        if (present(limit)) {
            pagination.limitParam().ifPresent(name -> params.put(name, limit));
        }
        JsonNode cursor = arguments.path(NEXT_CURSOR);
        if (present(cursor)) {
            cursorParam(pagination).ifPresent(name -> params.put(name, cursorValue(pagination, cursor.asString())));
        }
        return params;
    }

    /** The offset the request asked for (0 without a cursor); only meaningful for offset and unpaged lists. */
    static long offset(ObjectNode arguments) {
        JsonNode cursor = arguments.path(NEXT_CURSOR);
        return present(cursor) ? number(cursor.asString(), 0).orElse(0L) : 0L;
    }

    /** The page the request asked for (1 without a cursor); only meaningful for page pagination. */
    static long page(ObjectNode arguments) {
        return pagePosition(arguments)[0];
    }

    /** Items of the requested page already returned by an earlier call (0 without a cursor). */
    static long skip(ObjectNode arguments) {
        return pagePosition(arguments)[1];
    }

    /**
     * The caller's {@code limit} when the upstream takes no page size, so the gateway itself must cut pages down to
     * it; empty when the upstream applies the limit (or none was given).
     */
    static Optional<Integer> gatewayLimit(Pagination pagination, ObjectNode arguments) {
        JsonNode limit = arguments.path(LIMIT);
        return pagination.limitParam().isEmpty() && present(limit) && limit.canConvertToInt()
                ? Optional.of(limit.asInt())
                : Optional.empty();
    }

    private static long[] pagePosition(ObjectNode arguments) {
        JsonNode cursor = arguments.path(NEXT_CURSOR);
        return present(cursor) ? pagePosition(cursor.asString()).orElse(new long[] {1, 0}) : new long[] {1, 0};
    }

    /**
     * A page cursor is {@code N} (page N) or {@code N.K} (page N without its first K items, when the gateway cut page
     * N short to honour a {@code limit} the upstream cannot take).
     */
    private static Optional<long[]> pagePosition(String cursor) {
        String[] parts = cursor.split("\\.", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<Long> page = number(parts[0], 1);
        Optional<Long> skip = parts.length == 2 ? number(parts[1], 1) : Optional.of(0L);
        return page.isPresent() && skip.isPresent()
                ? Optional.of(new long[] {page.get(), skip.get()})
                : Optional.empty();
    }

    private static Optional<String> cursorParam(Pagination pagination) {
        return switch (pagination) {
            case Pagination.Cursor c -> Optional.of(c.cursorParam());
            case Pagination.Token t -> Optional.of(t.cursorParam());
            case Pagination.Offset o -> Optional.of(o.offsetParam());
            case Pagination.Page p -> Optional.of(p.pageParam());
            case Pagination.Unpaged u -> Optional.empty();
        };
    }

    private static JsonNode cursorValue(Pagination pagination, String cursor) {
        return switch (pagination) {
            case Pagination.Cursor c -> JsonNodeFactory.instance.stringNode(cursor);
            case Pagination.Token t -> JsonNodeFactory.instance.stringNode(cursor);
            case Pagination.Offset o ->
                JsonNodeFactory.instance.numberNode(number(cursor, 0).orElseThrow());
            case Pagination.Unpaged u ->
                JsonNodeFactory.instance.numberNode(number(cursor, 0).orElseThrow());
            case Pagination.Page p ->
                JsonNodeFactory.instance.numberNode(pagePosition(cursor).orElseThrow()[0]);
        };
    }

    private static Optional<Long> number(String text, long minimum) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value >= minimum ? Optional.of(value) : Optional.empty();
    }

    private static Optional<CallOutcome.Rejected> position(String cursor) {
        return number(cursor, 0).isPresent()
                ? Optional.empty()
                : Optional.of(rejectCursor("is not a valid position for this list"));
    }

    private static CallOutcome.Rejected rejectCursor(String problem) {
        return new CallOutcome.Rejected(
                NEXT_CURSOR,
                "tool argument `next_cursor` " + problem
                        + "; pass the next_cursor value from the previous response back unchanged, or leave it out for the"
                        + " first page");
    }

    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }
}
