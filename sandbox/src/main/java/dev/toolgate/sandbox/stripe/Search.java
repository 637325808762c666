package dev.toolgate.sandbox.stripe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search endpoints: {@code query} (required), {@code limit}, {@code page} (the previous {@code next_page}) and
 * {@code expand[]} (with {@code total_count}), answered as {@code {object: "search_result", data, has_more, next_page,
 * url}}. Unlike Stripe, results are read-after-write consistent.
 */
final class Search {
    static final Set<String> PARAMS = Set.of("query", "limit", "page", "expand");
    private static final String TOKEN_PREFIX = "sandbox-search-offset:";

    private final Expander expander;

    Search(Expander expander) {
        this.expander = expander;
    }

    ObjectNode run(List<ObjectNode> newestFirst, Params params, String url, SearchFields fields) {
        params.allowOnly(PARAMS);
        SearchQuery.Parsed query = SearchQuery.parse(params.required("query"));
        query.clauses().forEach(fields::check);
        int limit = Lists.limit(params);
        int offset = params.string("page")
                .filter(p -> !p.isEmpty())
                .map(Search::offset)
                .orElse(0);
        List<ObjectNode> hits =
                newestFirst.stream().filter(o -> matches(o, query, fields)).toList();
        List<ObjectNode> page = hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()));
        boolean hasMore = offset + limit < hits.size();
        return result(page, hasMore, hasMore ? token(offset + limit) : null, url, params, hits.size());
    }

    private ObjectNode result(
            List<ObjectNode> page, boolean hasMore, String next, String url, Params params, int total) {
        ArrayNode data = Nodes.array();
        new ArrayList<>(page).forEach(o -> data.add(o.deepCopy()));
        ObjectNode result = Nodes.object();
        result.put("object", "search_result");
        result.set("data", data);
        result.put("has_more", hasMore);
        result.put("next_page", next);
        result.put("url", url);
        List<String> expand = new ArrayList<>(params.strings("expand"));
        if (expand.remove("total_count")) {
            result.put("total_count", total);
        }
        return expander.expandList(result, expand);
    }

    private static boolean matches(ObjectNode object, SearchQuery.Parsed query, SearchFields fields) {
        return query.anyOf()
                ? query.clauses().stream().anyMatch(c -> fields.matches(object, c))
                : query.clauses().stream().allMatch(c -> fields.matches(object, c));
    }

    private static String token(int offset) {
        byte[] raw = (TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static int offset(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(TOKEN_PREFIX)) {
                return Integer.parseInt(raw.substring(TOKEN_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw StripeException.invalid(
                "Invalid page: pass the next_page value of the previous search result unchanged.", "page");
    }
}
