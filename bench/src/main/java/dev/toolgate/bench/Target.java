package dev.toolgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * Something the load runner drives: each of its connections opens its own {@link Session} (for an MCP server, a
 * handshake), whose calls the {@link EventLoop} then sends and reads without blocking.
 */
interface Target {
    String name();

    /** One connection's session, ready for calls (any handshake done, blocking). */
    Session open() throws IOException;

    /** Whether an answer is a success, from its status and its body (or a stream event's text) up to {@code length}. */
    interface Verdict {
        boolean ok(int status, byte[] body, int length);
    }

    /**
     * What one connection sends and how it judges the answers.
     *
     * @param requests the complete HTTP request of the call with a given id (unique in this process)
     * @param streamRequest the GET request opening the session's stream, for servers that answer a call with 202 and
     *     send its result there; null when results come back on the POST
     */
    record Session(String host, int port, LongFunction<byte[]> requests, Verdict verdict, byte[] streamRequest) {}

    /** Plain HTTP GETs straight to the upstream, the floor every gateway adds to. */
    static Target direct(String host, int port, String path) {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nAccept: application/json\r\nAuthorization: Bearer sk_test_bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Session session =
                new Session(host, port, id -> request, (status, body, length) -> status == 200 && length > 0, null);
        return new Target() {
            @Override
            public String name() {
                return "direct upstream";
            }

            @Override
            public Session open() {
                return session;
            }
        };
    }

    /**
     * An MCP server: each connection initializes its own session, then sends {@code method} with {@code params}.
     *
     * @param getStream whether sessions keep a GET stream open for responses the server does not put on the POST
     */
    static Target mcp(
            String name, String host, int port, String path, String method, String params, boolean getStream) {
        return new Target() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open() throws IOException {
                // The handshake's own connection closes; the session lives on in the server, for the event loop's.
                try (McpSession session = new McpSession(host, port, path).initialize()) {
                    return new Session(
                            host,
                            port,
                            id -> session.requestBytes(id, method, params),
                            McpSession::ok,
                            getStream ? session.streamRequest() : null);
                }
            }
        };
    }
}
