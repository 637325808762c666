package dev.toolgate.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP answer of the sandbox.
 *
 * @param status HTTP status
 * @param headers extra response headers (the content type is always JSON)
 * @param body JSON text
 */
record Reply(int status, Map<String, String> headers, String body) {
    Reply {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body);
    }

    /** This reply with one more header. */
    Reply with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }
}
