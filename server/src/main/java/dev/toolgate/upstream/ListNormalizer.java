package dev.toolgate.upstream;

import dev.toolgate.integration.Pagination;
import dev.toolgate.support.Json;
import java.net.URI;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response side of pagination: turns one upstream page, whatever its style, into
 * {@code {"result": [items...], "next_cursor": "..." | null}}. The cursor is opaque to the caller and only ever
 * derived from the response (never fetched: a Page style's next URL is read for its page number, not followed).
 */
final class ListNormalizer {
    private ListNormalizer() {}

    /** A normalized page, or why the response does not match the integration definition. */
    sealed interface Normalized {
        record Page(ObjectNode body) implements Normalized {}

        record Mismatch(String message) implements Normalized {}
    }

    static Normalized normalize(Pagination pagination, JsonNode body, ObjectNode arguments) {
        JsonNode items = body.at(pagination.items());
        if (!items.isArray()) {
            return mismatch("has no array of items at `" + pagination.items() + "`");
        }
        ArrayNode list = (ArrayNode) items;
        Optional<Integer> cut = PageParams.gatewayLimit(pagination, arguments);
        return switch (pagination) {
            case Pagination.Cursor c -> cursorPage(c, body, list, cut);
            case Pagination.Token t -> page(list, nonEmptyString(body.at(t.next())));
            case Pagination.Offset o -> offsetPage(o, body, list, PageParams.offset(arguments), cut);
            case Pagination.Page p -> pagePage(p, body, list, arguments, cut);
            case Pagination.Unpaged u -> unpagedPage(list, PageParams.offset(arguments), cut);
        };
    }

    /** The whole list came back; return the part from {@code offset}, at most {@code cut} items of it. */
    private static Normalized unpagedPage(ArrayNode all, long offset, Optional<Integer> cut) {
        int from = (int) Math.min(all.size(), offset);
        int to = cut.map(c -> Math.min(all.size(), from + c)).orElse(all.size());
        return page(slice(all, from, to), to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    private static Normalized offsetPage(
            Pagination.Offset o, JsonNode body, ArrayNode items, long offset, Optional<Integer> cut) {
        if (cut.isPresent() && items.size() > cut.get()) {
            return page(slice(items, 0, cut.get()), Optional.of(Long.toString(offset + cut.get())));
        }
        return page(items, nextOffset(o, body, items.size(), offset));
    }

    /** Page N, minus the items an earlier cut-short call returned, cut to the gateway limit if there is one. */
    private static Normalized pagePage(
            Pagination.Page p, JsonNode body, ArrayNode items, ObjectNode arguments, Optional<Integer> cut) {
        long page = PageParams.page(arguments);
        int skip = (int) Math.min(items.size(), PageParams.skip(arguments));
        ArrayNode rest = slice(items, skip, items.size());
        if (cut.isPresent() && rest.size() > cut.get()) {
            return page(slice(rest, 0, cut.get()), Optional.of(page + "." + (skip + cut.get())));
        }
        return page(
                rest,
                nonEmptyString(body.at(p.nextUrl()))
                        .map(url -> Long.toString(pageIn(url, p.pageParam()).orElse(page + 1))));
    }

    private static Normalized cursorPage(Pagination.Cursor c, JsonNode body, ArrayNode all, Optional<Integer> cut) {
        boolean cutShort = cut.isPresent() && all.size() > cut.get();
        ArrayNode items = cutShort ? slice(all, 0, cut.get()) : all;
        if (!(cutShort || isTrue(body.at(c.hasMore()))) || items.isEmpty()) {
            return page(items, Optional.empty());
        }
        JsonNode last = items.get(items.size() - 1).path(c.cursorField());
        if (!last.isString() && !last.isNumber()) {
            return mismatch(
                    "says there are more items, but its last item has no `" + c.cursorField() + "` to continue from");
        }
        return page(items, Optional.of(Scalars.text(last)));
    }

    private static Optional<String> nextOffset(Pagination.Offset o, JsonNode body, int count, long offset) {
        boolean more = o.hasMore().isPresent()
                ? isTrue(body.at(o.hasMore().get()))
                : o.total()
                        .map(body::at)
                        .filter(JsonNode::canConvertToLong)
                        .map(t -> t.asLong() > offset + count)
                        .orElse(false);
        // An empty page that claims more would loop forever on the same offset.
        return more && count > 0 ? Optional.of(Long.toString(offset + count)) : Optional.empty();
    }

    /** The page number in the {@code param} query parameter of {@code url}, if it has a usable one. */
    private static Optional<Long> pageIn(String url, String param) {
        try {
            String query = URI.create(url).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals(param) && kv[1].matches("[0-9]{1,18}")) {
                    return Optional.of(Long.parseLong(kv[1])).filter(n -> n >= 1);
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed next URL still means "there is a next page"; the caller falls back to page + 1.
        }
        return Optional.empty();
    }

    private static ArrayNode slice(ArrayNode items, int from, int to) {
        ArrayNode slice = Json.array();
        for (int i = from; i < to; i++) {
            slice.add(items.get(i));
        }
        return slice;
    }

    private static Normalized page(ArrayNode items, Optional<String> next) {
        ObjectNode body = Json.object();
        body.set("result", items);
        next.ifPresentOrElse(n -> body.put("next_cursor", n), () -> body.putNull("next_cursor"));
        return new Normalized.Page(body);
    }

    private static Normalized mismatch(String problem) {
        return new Normalized.Mismatch("the upstream's list response " + problem + ", which the integration"
                + " definition expects; the definition does not match this upstream");
    }

    private static boolean isTrue(JsonNode node) {
        return node.isBoolean() && node.asBoolean();
    }

    private static Optional<String> nonEmptyString(JsonNode node) {
        return node.isString() && !node.asString().isEmpty() ? Optional.of(node.asString()) : Optional.empty();
    }
}
