package dev.toolgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Something the load runner drives: each worker opens its own {@link Caller} (a connection, a session). */
interface Target {
    String name();

    Caller open() throws IOException;

    /** One worker's client. */
    interface Caller extends AutoCloseable {
        /** One call; false when it failed (an HTTP error, a JSON-RPC error or an {@code isError} result). */
        boolean call() throws IOException;

        @Override
        void close();
    }

    /** Plain HTTP GETs straight to the upstream, the floor every gateway adds to. */
    static Target direct(String host, int port, String path) {
        return new Target() {
            @Override
            public String name() {
                return "direct upstream";
            }

            @Override
            public Caller open() {
                HttpConnection connection = new HttpConnection(host, port);
                byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + connection.hostHeader()
                                + "\r\nAccept: application/json\r\nAuthorization: Bearer sk_test_bench\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                return new Caller() {
                    @Override
                    public boolean call() throws IOException {
                        HttpConnection.Response response = connection.exchange(request);
                        return response.status() == 200 && response.body().length > 0;
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                };
            }
        };
    }

    /**
     * An MCP server: each worker initializes its own session, then sends {@code method} with {@code params}.
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
            public Caller open() throws IOException {
                McpSession session = new McpSession(host, port, path, getStream).initialize();
                return new Caller() {
                    @Override
                    public boolean call() throws IOException {
                        return McpSession.ok(session.request(method, params));
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                };
            }
        };
    }
}
