package dev.toolgate.sandbox.stripe;

import dev.toolgate.sandbox.RecordedRequest;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every request the sandbox received, as it came over the wire (header names lower-cased). Thread-safe. */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    RecordedRequest record(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        RecordedRequest request = new RecordedRequest(ctx.method().name(), ctx.path(), query, headers, ctx.body());
        synchronized (requests) {
            requests.add(request);
        }
        return request;
    }

    List<RecordedRequest> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
