package dev.toolgate.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Times {@code tools/list} at concurrency 1: each full listing follows {@code nextCursor} to the end; only the HTTP
 * exchanges are timed (the client's JSON parsing to find the cursor is not), so the numbers are the server's time
 * plus one loopback round trip per page, an upper bound on the server-side time. The server-side time itself comes
 * from the server's own request timer ({@code http_server_requests_seconds} of {@code POST /mcp/{token}} on
 * {@code /metrics}, scraped before and after the measured listings, when nothing else calls it): its mean per page.
 */
final class ListTiming {
    /**
     * @param tools tools in one full listing
     * @param pages pages in one full listing
     * @param fullP50Millis median time of a full listing (all pages)
     * @param pageP50Millis median time of one page
     */
    record Result(
            int tools,
            int pages,
            double fullP50Millis,
            double fullP99Millis,
            double pageP50Millis,
            double serverPageMeanMillis) {
        /** Server-side time of a whole listing: the mean per page times the pages. */
        double serverFullMeanMillis() {
            return serverPageMeanMillis * pages;
        }
    }

    private static final java.util.regex.Pattern TIMER = java.util.regex.Pattern.compile(
            "http_server_requests_seconds_(sum|count)\\{method=\"POST\",route=\"/mcp/\\{token\\}\",status=\"200\"\\}"
                    + " ([0-9.eE+-]+)");

    private ListTiming() {}

    static Result measure(String host, int port, String path, int warmups, int listings) throws IOException {
        try (McpSession session = new McpSession(host, port, path).initialize()) {
            for (int i = 0; i < warmups; i++) {
                list(session, new ArrayList<>());
            }
            double[] before = serverTimer(host, port);
            long[] full = new long[listings];
            List<Long> pageNanos = new ArrayList<>();
            int tools = 0;
            int pages = 0;
            for (int i = 0; i < listings; i++) {
                List<Long> one = new ArrayList<>();
                tools = list(session, one);
                pages = one.size();
                full[i] = one.stream().mapToLong(Long::longValue).sum();
                pageNanos.addAll(one);
            }
            double[] after = serverTimer(host, port);
            double serverPageMean = (after[0] - before[0]) * 1000 / (after[1] - before[1]);
            Arrays.sort(full);
            long[] page = pageNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(
                    tools,
                    pages,
                    LoadRunner.percentile(full, 0.50),
                    LoadRunner.percentile(full, 0.99),
                    LoadRunner.percentile(page, 0.50),
                    serverPageMean);
        }
    }

    /** The server's {sum seconds, count} of answered {@code POST /mcp/{token}} requests, from its {@code /metrics}. */
    private static double[] serverTimer(String host, int port) throws IOException {
        try (HttpConnection metrics = new HttpConnection(host, port)) {
            String request = "GET /metrics HTTP/1.1\r\nHost: " + metrics.hostHeader() + "\r\nConnection: close\r\n\r\n";
            HttpConnection.Response response =
                    metrics.exchange(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (response.status() != 200) {
                throw new IOException("GET /metrics answered " + response.status());
            }
            double[] sumAndCount = {Double.NaN, Double.NaN};
            java.util.regex.Matcher m = TIMER.matcher(response.text());
            while (m.find()) {
                sumAndCount[m.group(1).equals("sum") ? 0 : 1] = Double.parseDouble(m.group(2));
            }
            if (Double.isNaN(sumAndCount[0]) || Double.isNaN(sumAndCount[1])) {
                throw new IOException("/metrics has no http_server_requests_seconds series for POST /mcp/{token}");
            }
            return sumAndCount;
        }
    }

    /** One full listing; adds each page's exchange time to {@code pageNanos}; returns the number of tools. */
    private static int list(McpSession session, List<Long> pageNanos) throws IOException {
        int tools = 0;
        String cursor = null;
        do {
            String params = cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}";
            long t0 = System.nanoTime();
            HttpConnection.Response response = session.request("tools/list", params);
            pageNanos.add(System.nanoTime() - t0);
            JsonNode result = McpSession.message(response).path("result");
            if (!result.has("tools")) {
                throw new IOException("tools/list failed: " + response.text());
            }
            tools += result.path("tools").size();
            JsonNode next = result.path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
        } while (cursor != null);
        return tools;
    }
}
