package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;

/** One answer: status and JSON body ({@code null} for 204). */
record Answer(int status, JsonNode body) {
    static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    static Answer created(JsonNode body) {
        return new Answer(201, body);
    }

    static Answer noContent() {
        return new Answer(204, null);
    }

    void send(Context ctx) {
        ctx.status(status);
        if (body != null) {
            ctx.contentType("application/json").result(SandboxJson.write(body));
        }
    }
}
