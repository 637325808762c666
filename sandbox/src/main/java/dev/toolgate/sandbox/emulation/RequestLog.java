package dev.toolgate.sandbox.emulation;

import dev.toolgate.sandbox.RecordedRequest;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request an emulator received, in arrival order, as it was on the wire. Thread-safe. */
public final class RequestLog {
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /** Records the request; call it first, before auth or rate limits, so refused requests are seen too. */
    public void record(Context ctx) {
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        requests.add(new RecordedRequest(ctx.method().name(), ctx.path(), query, headers(ctx), body));
    }

    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            List<String> values = new ArrayList<>(Collections.list(ctx.req().getHeaders(name)));
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }
}
