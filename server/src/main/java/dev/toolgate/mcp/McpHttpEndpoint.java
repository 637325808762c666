package dev.toolgate.mcp;

import dev.toolgate.servers.ResolvedServer;
import dev.toolgate.support.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The Streamable HTTP transport at {@code /mcp/{token}}, dual-era: every check that protects a server happens here,
 * in order (origin 403, token 404, second factor 401, media types 415/406, unsupported protocol version 400, size 413,
 * JSON 400), before a message reaches the {@link McpDispatcher}. Then the body's era decides the rest
 * ({@link ProtocolVersions#eraOf}):
 *
 * <ul>
 *   <li>handshake era (2025-11-25 and earlier): session 404, batches where the version has them, {@code initialize}
 *       mints a session id;
 *   <li>2026-07-28: stateless; {@code Mcp-Session-Id} is ignored and never minted, batches are refused, the request
 *       headers must mirror the body ({@link ModernRequests}), an unknown method is HTTP 404.
 * </ul>
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports">Transports</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http">Streamable
 *     HTTP (2026-07-28)</a>
 */
public final class McpHttpEndpoint {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(McpHttpEndpoint.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final String VERSION_HEADER = "MCP-Protocol-Version";

    private final McpAdmission admission;
    private final McpDispatcher dispatcher;
    private final SessionIds sessions;
    private final LegacySseEndpoint legacy;
    private final McpAudit audit;
    private final McpBodies bodies;

    McpHttpEndpoint(
            McpAdmission admission,
            McpDispatcher dispatcher,
            SessionIds sessions,
            LegacySseEndpoint legacy,
            McpAudit audit,
            long maxRequestBytes) {
        this.admission = admission;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.legacy = legacy;
        this.audit = audit;
        this.bodies = new McpBodies(maxRequestBytes);
    }

    public void register(RoutesConfig routes) {
        // the HTTP server answers POST /mcp/{token} itself, on its hot path (servePost); this route serves the
        // other spellings the framework also matches, such as a trailing slash
        routes.post("/mcp/{token}", ctx -> servePost(new JavalinCall(ctx)));
        routes.get("/mcp/{token}", ctx -> guarded(new JavalinCall(ctx), call -> get(ctx, call)));
        routes.delete("/mcp/{token}", ctx -> guarded(new JavalinCall(ctx), this::delete));
        routes.get(
                "/mcp/{token}/sse",
                ctx -> guarded(new JavalinCall(ctx), call -> rejecting(call, c -> legacy.stream(ctx))));
        routes.post(
                "/mcp/{token}/messages",
                ctx -> audited(
                        new JavalinCall(ctx), (call, exchange) -> rejecting(call, c -> legacy.message(ctx, exchange))));
    }

    /** Answers {@code POST /mcp/{token}}: every check, then the message(s); the request goes to the audit log. */
    public void servePost(HttpCall call) {
        audited(call, this::post);
    }

    /** HTTP+SSE streams open on this node. */
    public int openLegacyStreams() {
        return legacy.openStreams();
    }

    /**
     * Ends every open HTTP+SSE stream and refuses new ones (503), so that a stopping server does not wait for
     * day-long streams; everything else keeps being served until the listener stops.
     */
    public void shutdown() {
        legacy.shutdown();
    }

    /** A bug or an infrastructure failure: JSON-RPC -32603 with no detail for the client, the cause in the log. */
    private static void guarded(HttpCall call, java.util.function.Consumer<HttpCall> handler) {
        try {
            handler.accept(call);
        } catch (RuntimeException e) {
            LOG.error("MCP {} request failed", call.method(), e);
            reject(call, HttpRejection.of(500, JsonRpc.INTERNAL_ERROR, McpDispatcher.internalError()));
        }
    }

    /** {@link #guarded}, and the request's messages go to the audit log once it is answered. */
    private void audited(HttpCall call, java.util.function.BiConsumer<HttpCall, McpExchange> handler) {
        McpExchange exchange = audit.begin();
        try {
            guarded(call, c -> handler.accept(c, exchange));
        } finally {
            audit.finish(exchange, call.status());
        }
    }

    private void post(HttpCall ctx, McpExchange exchange) {
        try {
            ResolvedServer server = admission.admit(ctx);
            exchange.admitted(server);
            McpMediaTypes.check(ctx);
            String header = ctx.header(VERSION_HEADER);
            if (header != null && !ProtocolVersions.isSupported(header)) {
                throw new McpRejection(HttpRejection.unsupportedVersion(header).withId(readableId(ctx)));
            }
            JsonNode body;
            try {
                body = bodies.read(ctx);
            } catch (McpRejection unreadable) {
                if (!ProtocolVersions.isModern(header)) {
                    handshakeSession(ctx, server, header); // the handshake era checks the session before the body
                }
                throw unreadable;
            }
            if (ProtocolVersions.eraOf(header, body) == ProtocolVersions.Era.MODERN) {
                modern(ctx, body, server, exchange);
                return;
            }
            SessionIds.Session session = handshakeSession(ctx, server, header);
            exchange.client(session.client());
            if (body.isArray()) {
                batch(ctx, (ArrayNode) body, server, session.protocolVersion(), exchange);
            } else {
                single(ctx, McpMessage.parse(body), server, session.protocolVersion(), exchange);
            }
        } catch (McpRejection r) {
            reject(ctx, r.rejection());
        }
    }

    /**
     * A 2026-07-28 POST: one request or notification, no session. "Batches are not part of 2026-07-28": its transport
     * says the body "MUST be a single JSON-RPC request or notification".
     */
    private void modern(HttpCall ctx, JsonNode body, ResolvedServer server, McpExchange exchange) {
        if (body.isArray()) {
            throw McpRejection.of(
                    400,
                    JsonRpc.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not part of protocol version 2026-07-28;"
                            + " send one message per POST");
        }
        ModernRequests.Headers headers = ctx::headers;
        switch (McpMessage.parse(body)) {
            case McpMessage.Invalid invalid -> {
                exchange.failed(Optional.empty(), McpExchange.ERROR);
                respond(ctx, 400, invalid.error(), Map.of());
            }
            case McpMessage.ClientResponse r -> ctx.status(202);
            case McpMessage.Notification n -> {
                ModernRequests.checkNotification(n.method(), headers).ifPresent(r -> {
                    exchange.failed(Optional.of(n.method()), McpExchange.REFUSED);
                    throw new McpRejection(r);
                });
                exchange.notified(n.method());
                ctx.status(202);
            }
            case McpMessage.Request request -> {
                exchange.client(ClientInfo.ofModern(request.params()));
                ModernRequests.check(request, headers).ifPresent(r -> {
                    exchange.failed(Optional.of(request.method()), McpExchange.REFUSED);
                    throw new McpRejection(r);
                });
                var answer = dispatcher.handle(
                        request, server, ctx.header(VERSION_HEADER).strip());
                exchange.answered(request.method(), answer);
                respond(ctx, answer.httpStatus(), answer.response(), answer.headers());
            }
        }
    }

    private static void rejecting(HttpCall ctx, java.util.function.Consumer<HttpCall> handler) {
        try {
            handler.accept(ctx);
        } catch (McpRejection r) {
            reject(ctx, r.rejection());
        }
    }

    private void get(Context javalin, HttpCall ctx) {
        if (LegacySseEndpoint.wantsLegacyStream(javalin)) {
            rejecting(ctx, c -> legacy.stream(javalin));
            return;
        }
        try {
            admission.admit(ctx);
            if (ProtocolVersions.isModern(ctx.header(VERSION_HEADER))) {
                throw modernMethodNotAllowed();
            }
            ctx.header("Allow", "POST, DELETE");
            reject(
                    ctx,
                    HttpRejection.of(
                            405,
                            JsonRpc.INVALID_REQUEST,
                            "Method Not Allowed: POST JSON-RPC messages here (older clients: GET .../sse for the HTTP+SSE transport)"));
        } catch (McpRejection r) {
            reject(ctx, r.rejection());
        }
    }

    private void delete(HttpCall ctx) {
        try {
            ResolvedServer server = admission.admit(ctx);
            if (ProtocolVersions.isModern(ctx.header(VERSION_HEADER))) {
                throw modernMethodNotAllowed();
            }
            String session = ctx.header(SESSION_HEADER);
            if (session == null) {
                throw new McpRejection(HttpRejection.of(
                        400,
                        JsonRpc.INVALID_REQUEST,
                        "Bad Request: DELETE ends a session and needs the Mcp-Session-Id header"));
            }
            if (sessions.verify(session, server.server().id()).isEmpty()) {
                throw new McpRejection(HttpRejection.of(404, JsonRpc.INVALID_REQUEST, "Session not found"));
            }
            sessions.end(session);
            ctx.status(200);
        } catch (McpRejection r) {
            reject(ctx, r.rejection());
        }
    }

    /**
     * 2026-07-28 has no GET stream and no sessions to end: "HTTP GET or DELETE to the MCP endpoint: respond with 405".
     */
    private static McpRejection modernMethodNotAllowed() {
        return new McpRejection(new HttpRejection(
                405,
                JsonRpc.INVALID_REQUEST,
                "Method Not Allowed: protocol version 2026-07-28 uses POST only",
                null,
                Map.of("Allow", "POST")));
    }

    /**
     * The handshake-era session of a request whose version header, if any, is supported: its version is the header,
     * else the session's version, else 2025-03-26; its client is the one that opened the session, if known. A session
     * id that is not a live session of this server is refused with 404.
     */
    private SessionIds.Session handshakeSession(HttpCall ctx, ResolvedServer server, String header) {
        Optional<SessionIds.Session> live = Optional.empty();
        String session = ctx.header(SESSION_HEADER);
        if (session != null) {
            live = sessions.verify(session, server.server().id());
            if (live.isEmpty()) {
                throw new McpRejection(HttpRejection.of(
                        404,
                        JsonRpc.INVALID_REQUEST,
                        "Session not found: it ended or was never issued here; send initialize again"));
            }
        }
        String version = header != null
                ? header
                : live.map(SessionIds.Session::protocolVersion).orElse(ProtocolVersions.DEFAULT_WITHOUT_HEADER);
        return new SessionIds.Session(version, live.flatMap(SessionIds.Session::client));
    }

    /** The id of the request in the body, when the body can be read and is one request; else null. */
    private JsonNode readableId(HttpCall ctx) {
        try {
            JsonNode id = bodies.read(ctx).get("id");
            return id != null && (id.isString() || id.isIntegralNumber()) ? id : null;
        } catch (McpRejection unreadable) {
            return null;
        }
    }

    private void single(HttpCall ctx, McpMessage message, ResolvedServer server, String version, McpExchange exchange) {
        switch (message) {
            case McpMessage.Invalid invalid -> {
                exchange.failed(Optional.empty(), McpExchange.ERROR);
                respond(ctx, 400, invalid.error(), Map.of());
            }
            case McpMessage.Notification n -> {
                exchange.notified(n.method());
                ctx.status(202);
            }
            case McpMessage.ClientResponse r -> ctx.status(202);
            case McpMessage.Request request -> {
                boolean initialize = request.method().equals("initialize");
                Optional<ClientInfo> client = initialize ? ClientInfo.ofInitialize(request.params()) : Optional.empty();
                exchange.client(client);
                String effective = initialize ? negotiated(request) : version;
                var answer = dispatcher.handle(request, server, effective);
                exchange.answered(request.method(), answer);
                Map<String, String> headers = new HashMap<>(answer.headers());
                if (initialize && !answer.response().has("error")) {
                    headers.put(SESSION_HEADER, sessions.issue(server.server().id(), effective, client));
                }
                respond(ctx, 200, answer.response(), headers);
            }
        }
    }

    private static String negotiated(McpMessage.Request initialize) {
        return ProtocolVersions.negotiate(initialize
                .params()
                .map(p -> p.path("protocolVersion").asString(""))
                .orElse(""));
    }

    private void batch(HttpCall ctx, ArrayNode messages, ResolvedServer server, String version, McpExchange exchange) {
        if (!ProtocolVersions.allowsBatches(version)) {
            throw new McpRejection(HttpRejection.of(
                    400,
                    JsonRpc.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not part of protocol version " + version));
        }
        if (messages.isEmpty()) {
            throw new McpRejection(HttpRejection.of(400, JsonRpc.INVALID_REQUEST, "Invalid Request: empty batch"));
        }
        ArrayNode responses = Json.array();
        Map<String, String> headers = new HashMap<>();
        for (JsonNode element : messages) {
            batchElement(McpMessage.parse(element), server, version, new Replies(responses, headers), exchange);
        }
        if (responses.isEmpty()) {
            ctx.status(202);
        } else {
            respond(ctx, 200, responses, headers);
        }
    }

    /** Where a batch's answers go: the response array and the HTTP headers they ask for. */
    private record Replies(ArrayNode responses, Map<String, String> headers) {}

    private void batchElement(
            McpMessage message, ResolvedServer server, String version, Replies replies, McpExchange exchange) {
        switch (message) {
            case McpMessage.Invalid invalid -> {
                exchange.failed(Optional.empty(), McpExchange.ERROR);
                replies.responses().add(invalid.error());
            }
            case McpMessage.Notification n -> exchange.notified(n.method());
            case McpMessage.ClientResponse r -> {}
            case McpMessage.Request request
            when request.method().equals("initialize") -> {
                exchange.failed(Optional.of(request.method()), McpExchange.ERROR);
                replies.responses()
                        .add(JsonRpc.error(
                                request.id(),
                                JsonRpc.INVALID_REQUEST,
                                "Invalid Request: initialize must not be part of a batch"));
            }
            case McpMessage.Request request -> {
                var answer = dispatcher.handle(request, server, version);
                exchange.answered(request.method(), answer);
                replies.headers().putAll(answer.headers());
                replies.responses().add(answer.response());
            }
        }
    }

    private static void respond(HttpCall ctx, int status, JsonNode body, Map<String, String> headers) {
        headers.forEach(ctx::header);
        if (status == 200 && McpMediaTypes.wantsEventStream(ctx)) {
            // A client that accepts only SSE gets the answer as one SSE event on a stream that then ends.
            ctx.status(200);
            ctx.header("Cache-Control", "no-cache");
            ctx.result(
                    "text/event-stream",
                    ("event: message\ndata: " + Json.write(body) + "\n\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        ctx.status(status);
        ctx.result("application/json", Json.writeBytes(body));
    }

    private static void reject(HttpCall ctx, HttpRejection rejection) {
        respond(ctx, rejection.status(), rejection.body(), rejection.headers());
    }
}
