package dev.toolgate.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A session's standalone GET stream (Streamable HTTP's server-to-client SSE stream), read one event at a time. Some
 * servers answer a POSTed request with 202 and deliver the response here. Not thread-safe.
 */
final class SseStream implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final StringBuilder buffer = new StringBuilder();
    private boolean started;
    private boolean chunked;

    private SseStream(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /**
     * Sends the GET. Its status and headers are read with the first event: a server may hold them back until it has
     * something to send (Node does).
     */
    static SseStream open(String host, int port, String path, String sessionId, String version) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        // A response the server dropped (see McpSession) must fail the call soon, not hang the worker.
        socket.setSoTimeout(2_000);
        socket.getOutputStream().write(request(host, port, path, sessionId, version));
        return new SseStream(socket, new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    }

    /** The GET request that opens a session's stream. */
    static byte[] request(String host, int port, String path, String sessionId, String version) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                        + "Accept: text/event-stream\r\nMcp-Session-Id: " + sessionId + "\r\n"
                        + "MCP-Protocol-Version: " + version + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void start() throws IOException {
        String status = line(in);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException("GET stream refused: " + status);
        }
        started = true;
    }

    /** The JSON data of the next event that carries one. */
    String nextData() throws IOException {
        if (!started) {
            start();
        }
        while (true) {
            int end = buffer.indexOf("\n\n");
            if (end >= 0) {
                String event = buffer.substring(0, end);
                buffer.delete(0, end + 2);
                for (String line : event.split("\n")) {
                    if (line.startsWith("data:") && line.substring(5).strip().startsWith("{")) {
                        return line.substring(5).strip();
                    }
                }
                continue;
            }
            readMore();
        }
    }

    private void readMore() throws IOException {
        if (chunked) {
            int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
            if (size == 0) {
                throw new EOFException("the GET stream ended");
            }
            byte[] chunk = in.readNBytes(size);
            line(in);
            buffer.append(new String(chunk, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } else {
            byte[] some = new byte[8192];
            int n = in.read(some);
            if (n < 0) {
                throw new EOFException("the GET stream ended");
            }
            buffer.append(new String(some, 0, n, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
    }

    private static String line(InputStream in) throws IOException {
        return HttpConnection.readLine(in);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
