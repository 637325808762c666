package dev.toolgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One MCP client session over Streamable HTTP, as a real client behaves: {@code initialize} (keeping the
 * {@code Mcp-Session-Id} the server issues and the negotiated protocol version), {@code notifications/initialized},
 * then requests that carry both headers. Answers may be {@code application/json} or {@code text/event-stream} on the
 * POST, or, for servers that answer a request with 202, an event on the session's GET stream (opened right after the
 * handshake when asked for, as the TypeScript SDK client does). Request ids are unique across all sessions of the
 * process, because one peer routes responses by id alone. Not thread-safe: one session per worker.
 */
final class McpSession implements AutoCloseable {
    static final String CLIENT_VERSION = "2025-11-25";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] RESULT = "\"result\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IS_ERROR = "\"isError\":true".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong IDS = new AtomicLong();

    private final HttpConnection connection;
    private final String host;
    private final int port;
    private final String path;
    private final boolean getStream;
    private String prefix;
    private String sessionId;
    private String version;
    private SseStream stream;

    McpSession(String host, int port, String path) {
        this(host, port, path, false);
    }

    /** @param getStream open the session's GET stream after the handshake and read 202-answered responses there */
    McpSession(String host, int port, String path, boolean getStream) {
        this.connection = new HttpConnection(host, port);
        this.host = host;
        this.port = port;
        this.path = path;
        this.getStream = getStream;
        this.prefix = prefix(null, null);
    }

    /** Runs the handshake; throws when the server does not complete it. */
    McpSession initialize() throws IOException {
        HttpConnection.Response init = request(
                "initialize",
                "{\"protocolVersion\":\"" + CLIENT_VERSION + "\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"toolgate-bench\",\"version\":\"1\"}}");
        JsonNode message = message(init);
        if (init.status() != 200 || !message.has("result")) {
            throw new IOException("initialize failed: HTTP " + init.status() + " " + init.text());
        }
        version = message.path("result").path("protocolVersion").asString(CLIENT_VERSION);
        sessionId = init.header("mcp-session-id");
        prefix = prefix(sessionId, version);
        if (getStream) {
            stream = SseStream.open(host, port, path, sessionId, version);
            // The server sends a 202-answered request's response only to GET streams it has registered by then, and
            // it sends no headers before the first event, so there is nothing to wait for but time. A response lost
            // anyway fails its call after the stream's read timeout and counts as an error.
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        HttpConnection.Response initialized = send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (initialized.status() / 100 != 2) {
            throw new IOException("notifications/initialized failed: HTTP " + initialized.status());
        }
        return this;
    }

    /** A request id no other request of this process has. */
    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** Sends one JSON-RPC request with a fresh id; {@code params} is JSON text or null. */
    HttpConnection.Response request(String method, String params) throws IOException {
        long id = nextId();
        HttpConnection.Response response = connection.exchange(requestBytes(id, method, params));
        if (response.status() == 202 && stream != null) {
            return fromStream(id);
        }
        return response;
    }

    /** The response with this id from the GET stream, as if it had come back on the POST. */
    private HttpConnection.Response fromStream(long id) throws IOException {
        String marker = "\"id\":" + id;
        while (true) {
            String data = stream.nextData();
            if (data.contains(marker + ",") || data.contains(marker + "}")) {
                return new HttpConnection.Response(
                        200, Map.of("content-type", "application/json"), data.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The complete HTTP request (this session's headers) for the JSON-RPC request {@code id}. */
    byte[] requestBytes(long id, String method, String params) {
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}");
    }

    /** The complete GET request that opens this session's stream (after {@link #initialize()}). */
    byte[] streamRequest() {
        return SseStream.request(host, port, path, sessionId, version);
    }

    private HttpConnection.Response send(String body) throws IOException {
        return connection.exchange(post(body));
    }

    private byte[] post(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = (prefix + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(bytes, 0, request, head.length, bytes.length);
        return request;
    }

    private String prefix(String sessionId, String version) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + connection.hostHeader() + "\r\n"
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + (sessionId == null ? "" : "Mcp-Session-Id: " + sessionId + "\r\n")
                + (version == null ? "" : "MCP-Protocol-Version: " + version + "\r\n");
    }

    /** The JSON-RPC message of a response, whether sent as JSON or as SSE events (the last data event wins). */
    static JsonNode message(HttpConnection.Response response) {
        String contentType = response.header("content-type");
        String text = response.text();
        if (contentType != null && contentType.startsWith("text/event-stream")) {
            String data = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("data:") && line.length() > 5) {
                    String candidate = line.substring(5).strip();
                    if (candidate.startsWith("{")) {
                        data = candidate;
                    }
                }
            }
            return data == null ? JSON.createObjectNode() : JSON.readTree(data);
        }
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    /** A successful tool call or request: HTTP 200 with a JSON-RPC result that is not a tool error. Cheap. */
    static boolean ok(HttpConnection.Response response) {
        return ok(response.status(), response.body(), response.body().length);
    }

    /** The same test on a status and the first {@code length} bytes of a body (or of a stream event). */
    static boolean ok(int status, byte[] body, int length) {
        return status == 200 && indexOf(body, length, RESULT) >= 0 && indexOf(body, length, IS_ERROR) < 0;
    }

    static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        connection.close();
        if (stream != null) {
            stream.close();
        }
    }
}
