package dev.toolgate.mcp;

import dev.toolgate.servers.ResolvedServer;
import dev.toolgate.support.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The HTTP+SSE transport of protocol 2024-11-05, for older clients and bridges: {@code GET /mcp/{token}/sse} opens a
 * stream whose first event names the message URL; messages POSTed there are answered on the stream. Streams send a
 * comment every 15 s, end when the client vanishes, the server is revoked or expires, or after 24 hours.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2024-11-05/basic/transports#http-with-sse">HTTP with
 *     SSE</a>
 */
final class LegacySseEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LegacySseEndpoint.class);
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final Duration MAX_LIFETIME = Duration.ofHours(24);

    private final McpAdmission admission;
    private final McpDispatcher dispatcher;
    private final LegacySessions sessions;
    private final String pathPrefix;
    private final long maxRequestBytes;
    private final Clock clock;

    /** @param pathPrefix path of the public base URL ({@code ""} or e.g. {@code /gateway}), for the message URL */
    LegacySseEndpoint(
            McpAdmission admission,
            McpDispatcher dispatcher,
            LegacySessions sessions,
            String pathPrefix,
            long maxRequestBytes,
            Clock clock) {
        this.admission = admission;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.pathPrefix = pathPrefix;
        this.maxRequestBytes = maxRequestBytes;
        this.clock = clock;
    }

    /** True when a GET on the MCP URL asks for the legacy stream (SSE accepted, no modern-era headers). */
    static boolean wantsLegacyStream(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null
                && accept.contains("text/event-stream")
                && ctx.header("MCP-Protocol-Version") == null
                && ctx.header("Mcp-Session-Id") == null;
    }

    void stream(Context ctx) {
        ResolvedServer server = admission.admit(new JavalinCall(ctx));
        String token = ctx.pathParam("token");
        LegacySession session = sessions.open(server.server().id(), token)
                .orElseThrow(() -> McpRejection.of(
                        503,
                        JsonRpc.INTERNAL_ERROR,
                        "Service Unavailable: too many open SSE streams on this node, or it is stopping; retry later"));
        try {
            OutputStream out = open(ctx);
            write(
                    out,
                    "event: endpoint\ndata: " + pathPrefix + "/mcp/" + token + "/messages?sessionId=" + session.id()
                            + "\n\n");
            pump(session, server, out);
        } catch (IOException e) {
            LOG.debug("SSE client went away");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessions.remove(session);
        }
    }

    private static OutputStream open(Context ctx) throws IOException {
        var response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return response.getOutputStream();
    }

    /** Writes queued messages as they come; a comment on quiet intervals doubles as a liveness probe. */
    private void pump(LegacySession session, ResolvedServer server, OutputStream out)
            throws IOException, InterruptedException {
        var deadline = session.openedAt().plus(MAX_LIFETIME);
        while (!session.isClosed() && clock.instant().isBefore(deadline)) {
            Optional<String> message = session.next(HEARTBEAT_MILLIS);
            if (message.isPresent()) {
                write(out, "event: message\ndata: " + message.get() + "\n\n");
            } else if (session.isClosed()) {
                return;
            } else if (admission.stillValid(session.token(), server)) {
                write(out, ": keep-alive\n\n");
            } else {
                return;
            }
        }
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code POST /mcp/{token}/messages?sessionId=...}: 202, and the answer goes to the session's stream. */
    void message(Context ctx, McpExchange exchange) {
        ResolvedServer server = admission.admit(new JavalinCall(ctx));
        exchange.admitted(server);
        LegacySession session = sessions.find(
                        ctx.queryParam("sessionId"), server.server().id())
                .orElseThrow(() -> McpRejection.of(
                        404, JsonRpc.INVALID_REQUEST, "Session not found: open a new stream with GET .../sse"));
        exchange.client(session.client());
        JsonNode body = readBody(ctx);
        if (body.isArray()) {
            ArrayNode answers = Json.array();
            body.forEach(element ->
                    handle(McpMessage.parse(element), server, session, exchange).ifPresent(answers::add));
            if (!answers.isEmpty()) {
                session.send(Json.write(answers));
            }
        } else {
            handle(McpMessage.parse(body), server, session, exchange)
                    .ifPresent(answer -> session.send(Json.write(answer)));
        }
        ctx.status(202).contentType("text/plain").result("Accepted");
    }

    private Optional<JsonNode> handle(
            McpMessage message, ResolvedServer server, LegacySession session, McpExchange exchange) {
        return switch (message) {
            case McpMessage.Invalid invalid -> {
                exchange.failed(Optional.empty(), McpExchange.ERROR);
                yield Optional.of(invalid.error());
            }
            case McpMessage.Notification n -> {
                exchange.notified(n.method());
                yield Optional.empty();
            }
            case McpMessage.ClientResponse r -> Optional.empty();
            case McpMessage.Request request -> {
                if (request.method().equals("initialize")) {
                    session.protocolVersion(ProtocolVersions.negotiate(request.params()
                            .map(p -> p.path("protocolVersion").asString(""))
                            .orElse("")));
                    session.client(ClientInfo.ofInitialize(request.params()));
                    exchange.client(session.client());
                }
                var answer = dispatcher.handle(request, server, session.protocolVersion());
                exchange.answered(request.method(), answer);
                yield Optional.of(answer.response());
            }
        };
    }

    /** Streams open on this node. */
    int openStreams() {
        return sessions.count();
    }

    /** Ends every open stream and refuses new ones. */
    void shutdown() {
        sessions.shutdown();
    }

    private JsonNode readBody(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) maxRequestBytes + 1);
            if (bytes.length > maxRequestBytes) {
                throw McpRejection.of(413, JsonRpc.INVALID_REQUEST, "Payload Too Large");
            }
            return Json.parse(bytes);
        } catch (IOException | JacksonException e) {
            throw McpRejection.of(400, JsonRpc.PARSE_ERROR, "Parse error: body is not valid JSON");
        }
    }
}
