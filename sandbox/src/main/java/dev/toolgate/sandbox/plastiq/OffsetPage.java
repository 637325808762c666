package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plastiq's offset paging: {@code offset} (default 0) and {@code limit} (default 10, at most 100) in, and
 * {@code {data, pagination: {offset, limit, total, hasNextPage}}} out. An empty page is {@code {"data": []}} with no
 * pagination object, as Plastiq's guide shows.
 */
record OffsetPage(int offset, int limit) {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    static OffsetPage of(Context ctx) {
        List<String> problems = new ArrayList<>();
        int offset = number(ctx.queryParam("offset"), 0, "offset", problems);
        int limit = number(ctx.queryParam("limit"), DEFAULT_LIMIT, "limit", problems);
        if (problems.isEmpty() && (limit < 1 || limit > MAX_LIMIT)) {
            problems.add("limit must be between 1 and " + MAX_LIMIT);
        }
        if (!problems.isEmpty()) {
            throw PlastiqError.validation(problems);
        }
        return new OffsetPage(offset, limit);
    }

    ObjectNode render(List<? extends JsonNode> all) {
        ObjectNode body = SandboxJson.object();
        List<? extends JsonNode> slice =
                all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        body.putArray("data").addAll(slice);
        if (!slice.isEmpty()) {
            ObjectNode pagination = body.putObject("pagination");
            pagination.put("offset", offset);
            pagination.put("limit", limit);
            pagination.put("total", all.size());
            pagination.put("hasNextPage", offset + slice.size() < all.size());
        }
        return body;
    }

    private static int number(String text, int fallback, String name, List<String> problems) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}")) {
            problems.add(name + " must be a non-negative integer, got '" + text + "'");
            return fallback;
        }
        return Integer.parseInt(text);
    }
}
