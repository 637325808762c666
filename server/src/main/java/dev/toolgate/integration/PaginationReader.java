package dev.toolgate.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the named pagination styles under {@code /pagination}. */
final class PaginationReader {
    private static final Set<String> KEYS = Set.of(
            "style",
            "items",
            "limit_param",
            "max_limit",
            "cursor_param",
            "has_more",
            "cursor_field",
            "next",
            "offset_param",
            "total",
            "page_param",
            "next_url");

    private final Problems problems;

    PaginationReader(Problems problems) {
        this.problems = problems;
    }

    Map<String, Pagination> readAll(Fields top) {
        Map<String, Pagination> result = new LinkedHashMap<>();
        if (!top.has("pagination")) {
            return result;
        }
        var node = top.raw("pagination");
        if (!node.isObject()) {
            problems.add(top.at("pagination"), "must be an object of named pagination styles");
            return result;
        }
        for (var entry : node.properties()) {
            String at = Problems.child(top.at("pagination"), entry.getKey());
            Fields.of(entry.getValue(), at, problems, KEYS)
                    .flatMap(this::read)
                    .ifPresent(p -> result.put(entry.getKey(), p));
        }
        return result;
    }

    private Optional<Pagination> read(Fields p) {
        String style = p.requiredText("style");
        String items = p.requiredPointer("items");
        Optional<String> limit = p.optionalText("limit_param");
        Optional<Integer> max = p.optionalPositiveInt("max_limit");
        return switch (style) {
            case "cursor" ->
                Optional.of(new Pagination.Cursor(
                        items,
                        limit,
                        max,
                        p.requiredText("cursor_param"),
                        p.requiredPointer("has_more"),
                        p.optionalText("cursor_field").orElse("id")));
            case "token" ->
                Optional.of(new Pagination.Token(
                        items, limit, max, p.requiredText("cursor_param"), p.requiredPointer("next")));
            case "offset" -> {
                Optional<String> hasMore = p.optionalPointer("has_more");
                Optional<String> total = p.optionalPointer("total");
                if (hasMore.isEmpty() && total.isEmpty()) {
                    problems.add(p.pointer(), "offset pagination needs has_more or total to know when to stop");
                }
                yield Optional.of(
                        new Pagination.Offset(items, limit, max, p.requiredText("offset_param"), hasMore, total));
            }
            case "unpaged" -> Optional.of(new Pagination.Unpaged(items));
            case "page" ->
                Optional.of(new Pagination.Page(
                        items, limit, max, p.requiredText("page_param"), p.requiredPointer("next_url")));
            default -> {
                if (!style.isEmpty()) {
                    problems.add(
                            p.at("style"), "must be one of cursor, token, offset, page, unpaged; got '" + style + "'");
                }
                yield Optional.empty();
            }
        };
    }
}
