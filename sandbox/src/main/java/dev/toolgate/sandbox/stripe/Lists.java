package dev.toolgate.sandbox.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cursor pagination of list endpoints: {@code limit} (1-100, default 10), {@code starting_after} (the page after this
 * object) and {@code ending_before} (the page before it), answered as {@code {object: "list", data, has_more, url}}.
 */
final class Lists {
    /** Parameters every list endpoint takes besides its filters. */
    static final Set<String> PAGING = Set.of("limit", "starting_after", "ending_before", "expand");

    private final Store store;
    private final Expander expander;

    Lists(Store store, Expander expander) {
        this.store = store;
        this.expander = expander;
    }

    /** Names a list endpoint accepts: its filters plus {@link #PAGING}. */
    static Set<String> accepting(String... filters) {
        return Set.copyOf(Stream.concat(PAGING.stream(), Stream.of(filters)).toList());
    }

    /**
     * One page of {@code newestFirst} (already filtered), expanded as the request asks.
     *
     * @param type the listed object type, to name a missing cursor object ("No such customer: 'cus_x'")
     */
    ObjectNode page(List<ObjectNode> newestFirst, Params params, String url, String type) {
        int limit = limit(params);
        Optional<String> after = params.string("starting_after").filter(s -> !s.isEmpty());
        Optional<String> before = params.string("ending_before").filter(s -> !s.isEmpty());
        if (after.isPresent() && before.isPresent()) {
            throw StripeException.invalid(
                    "You may only specify one of these parameters: ending_before, starting_after.", "ending_before");
        }
        List<ObjectNode> window = newestFirst;
        if (after.isPresent()) {
            ObjectNode anchor = store.get(after.get(), type, "starting_after");
            window = newestFirst.stream()
                    .filter(o -> store.newestFirst.compare(o, anchor) > 0)
                    .toList();
        } else if (before.isPresent()) {
            ObjectNode anchor = store.get(before.get(), type, "ending_before");
            List<ObjectNode> newer = newestFirst.stream()
                    .filter(o -> store.newestFirst.compare(o, anchor) < 0)
                    .toList();
            int from = Math.max(0, newer.size() - limit);
            return list(newer.subList(from, newer.size()), from > 0, url, params);
        }
        List<ObjectNode> data = window.subList(0, Math.min(limit, window.size()));
        return list(data, window.size() > limit, url, params);
    }

    private ObjectNode list(List<ObjectNode> items, boolean hasMore, String url, Params params) {
        ArrayNode data = Nodes.array();
        new ArrayList<>(items).forEach(item -> data.add(item.deepCopy()));
        return expander.expandList(Nodes.list(data, hasMore, url), params.strings("expand"));
    }

    /** The {@code limit} parameter: 1 to 100, 10 when absent. */
    static int limit(Params params) {
        long limit = params.integer("limit").orElse(10);
        if (limit < 1) {
            throw StripeException.invalid("This value must be greater than or equal to 1.", "limit");
        }
        if (limit > 100) {
            throw StripeException.invalid("This value must be less than or equal to 100.", "limit");
        }
        return (int) limit;
    }
}
