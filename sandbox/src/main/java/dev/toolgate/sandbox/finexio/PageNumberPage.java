package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Django REST Framework's PageNumberPagination as Finexio uses it: optional {@code page}, a fixed page size, and
 * {@code {count, next, previous, results}} where {@code next}/{@code previous} are absolute URLs of the same request
 * with only {@code page} changed ({@code previous} of page 2 drops it). An unknown page is a 404 "Invalid page.".
 */
final class PageNumberPage {
    /** Small on purpose, so that the seeded data spans several pages. */
    static final int PAGE_SIZE = 2;

    private PageNumberPage() {}

    static ObjectNode render(Context ctx, List<? extends JsonNode> all) {
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = page(ctx, pages);
        int from = (page - 1) * PAGE_SIZE;
        ObjectNode body = SandboxJson.object();
        body.put("count", all.size());
        body.put("next", page < pages ? url(ctx, page + 1) : null);
        body.put("previous", page > 1 ? url(ctx, page - 1) : null);
        body.putArray("results").addAll(all.subList(from, Math.min(all.size(), from + PAGE_SIZE)));
        return body;
    }

    private static int page(Context ctx, int pages) {
        String text = ctx.queryParam("page");
        if (text == null) {
            return 1;
        }
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > pages) {
            throw FinexioError.notFound(ctx.path(), "Invalid page.");
        }
        return Integer.parseInt(text);
    }

    /** This request's absolute URL (from its Host header, as DRF builds it) with {@code page} replaced. */
    private static String url(Context ctx, int page) {
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (!param.getKey().equals("page")) {
                param.getValue().forEach(v -> query.add(encode(param.getKey()) + "=" + encode(v)));
            }
        }
        if (page > 1) {
            query.add("page=" + page);
        }
        String base = "http://" + ctx.host() + ctx.path();
        return query.isEmpty() ? base : base + "?" + String.join("&", query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
