package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer: status and JSON body ({@code null} body for 204). Kept as a value so that idempotent replays can send
 * exactly the first answer again.
 */
record Reply(int status, JsonNode body) {
    static final String TRACE_ID = "traceId";

    Reply {
        if (status != 204) {
            Objects.requireNonNull(body, "body");
        }
    }

    static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    static Reply noContent() {
        return new Reply(204, null);
    }

    static Reply of(PlastiqError error, String traceId) {
        ObjectNode body = SandboxJson.object();
        body.put("code", error.code());
        body.put("message", error.getMessage());
        var details = body.putArray("details");
        error.details().forEach(d -> details.addObject().put("details", d));
        body.put("statusCode", error.status());
        body.put(TRACE_ID, traceId);
        return new Reply(error.status(), body);
    }

    void send(Context ctx) {
        ctx.status(status);
        if (body != null) {
            ctx.contentType("application/json").result(SandboxJson.write(body));
        }
    }
}
