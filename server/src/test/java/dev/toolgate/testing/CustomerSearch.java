package dev.toolgate.testing;

import dev.toolgate.support.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/customers/search}: a subset of Stripe's search language ({@code email:"x"} exact,
 * {@code name~"sub"} substring, clauses joined by {@code AND}) over {@code email} and {@code name}; pages by an opaque
 * {@code page} token answered as {@code next_page} → {@code {object: "search_result", data, has_more, next_page, url}}.
 */
final class CustomerSearch {
    private static final Pattern CLAUSE = Pattern.compile("(email|name)([:~])\"([^\"]*)\"");

    private final TestPayStore store;

    CustomerSearch(TestPayStore store) {
        this.store = store;
    }

    void handle(Context ctx) {
        ObjectNode query = Replies.query(ctx, Set.of("query", "limit", "page", "expand"));
        if (!query.has("query") || query.get("query").asString().isBlank()) {
            throw TestPayError.invalid(400, "Missing required param: query.", "query");
        }
        List<ObjectNode> found = store.customers(matcher(query.get("query").asString()));
        int limit = (int) Replies.integer(query, "limit", 1, 100, 10);
        int start = query.has("page") ? offsetOf(query.get("page").asString()) : 0;
        int end = Math.min(found.size(), start + limit);
        ObjectNode result = Json.object().put("object", "search_result");
        result.putArray("data").addAll(found.subList(Math.min(start, found.size()), end));
        result.put("has_more", end < found.size());
        if (end < found.size()) {
            result.put("next_page", token(end));
        } else {
            result.putNull("next_page");
        }
        Replies.json(ctx, 200, result.put("url", "/v1/customers/search"));
    }

    private static Predicate<JsonNode> matcher(String text) {
        List<Predicate<JsonNode>> clauses = new ArrayList<>();
        for (String clause : text.split(" AND ")) {
            Matcher m = CLAUSE.matcher(clause.trim());
            if (!m.matches()) {
                throw TestPayError.invalid(
                        400,
                        "Invalid search query: '" + clause.trim() + "'. Use field:\"value\" or"
                                + " field~\"value\" with email or name.",
                        "query");
            }
            String field = m.group(1);
            String value = m.group(3);
            clauses.add(
                    m.group(2).equals(":")
                            ? c -> value.equals(c.path(field).asString())
                            : c -> c.path(field).asString().contains(value));
        }
        return c -> clauses.stream().allMatch(p -> p.test(c));
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("search:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetOf(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.matches("search:[0-9]{1,9}")) {
                return Integer.parseInt(text.substring("search:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw TestPayError.invalid(400, "Invalid page: '" + token + "'", "page");
    }
}
