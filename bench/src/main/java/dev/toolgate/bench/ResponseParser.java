package dev.toolgate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * An incremental HTTP/1.1 response parser for the event-loop load client: it is fed whatever bytes a non-blocking read
 * returned and says when a whole response has arrived. Reads {@code Content-Length}, chunked and close-delimited
 * bodies; skips interim (1xx) responses. The body accumulates in {@link #body()}; a never-ending body (an SSE stream)
 * can be consumed from the front as it grows ({@link #consume}). Not thread-safe: one per connection.
 */
final class ResponseParser {
    private enum State {
        STATUS_LINE,
        HEADER_LINE,
        FIXED_BODY,
        CLOSE_BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILER,
        DONE
    }

    private final StringBuilder line = new StringBuilder(128);
    private State state = State.STATUS_LINE;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private long remaining;
    private byte[] body = new byte[4096];
    private int bodyLength;

    /** Ready for the next response on the same connection. */
    void reset() {
        state = State.STATUS_LINE;
        line.setLength(0);
        status = 0;
        resetHeaders();
        bodyLength = 0;
    }

    private void resetHeaders() {
        contentLength = -1;
        chunked = false;
        close = false;
    }

    /**
     * Consumes bytes from {@code in}; true once a whole response has been read. Bytes after its end stay in {@code in}.
     *
     * @throws IOException when the bytes are not an HTTP/1.x response
     */
    boolean feed(ByteBuffer in) throws IOException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case FIXED_BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    append(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_END;
                    }
                }
                case CLOSE_BODY -> append(in, in.remaining());
                default -> {
                    if (readLine(in)) {
                        onLine(line.toString());
                        line.setLength(0);
                    }
                }
            }
        }
        return state == State.DONE;
    }

    /** The connection ended: true if that completes a close-delimited body. */
    boolean endOfInput() {
        if (state == State.CLOSE_BODY) {
            state = State.DONE;
            return true;
        }
        return false;
    }

    /** Whether the status line and headers have arrived. */
    boolean headersRead() {
        return state != State.STATUS_LINE && state != State.HEADER_LINE;
    }

    int status() {
        return status;
    }

    /** Whether the server will close the connection after this response. */
    boolean closes() {
        return close || state == State.CLOSE_BODY;
    }

    /** The body received so far: valid up to {@link #bodyLength()}. */
    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    /** The whole body as its own array. */
    byte[] bodyBytes() {
        return Arrays.copyOf(body, bodyLength);
    }

    /** Drops the first {@code n} body bytes (a stream's events once read). */
    void consume(int n) {
        System.arraycopy(body, n, body, 0, bodyLength - n);
        bodyLength -= n;
    }

    private void append(ByteBuffer in, int n) {
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
    }

    /** Reads up to a line feed; true when the line (without CR LF) is complete in {@link #line}. */
    private boolean readLine(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                return true;
            }
            if (b != '\r') {
                if (line.length() > 16 * 1024) {
                    throw new IOException("a response line longer than 16 KB");
                }
                line.append((char) (b & 0xff));
            }
        }
        return false;
    }

    private void onLine(String text) throws IOException {
        switch (state) {
            case STATUS_LINE -> {
                if (!text.startsWith("HTTP/1.") || text.length() < 12) {
                    throw new IOException("not an HTTP response: " + text);
                }
                status = Integer.parseInt(text.substring(9, 12));
                resetHeaders();
                state = State.HEADER_LINE;
            }
            case HEADER_LINE -> {
                if (text.isEmpty()) {
                    endOfHeaders();
                } else {
                    header(text);
                }
            }
            case CHUNK_SIZE -> {
                int semicolon = text.indexOf(';');
                remaining = Long.parseLong((semicolon < 0 ? text : text.substring(0, semicolon)).strip(), 16);
                state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILER -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void header(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).strip();
        switch (name) {
            case "content-length" -> contentLength = Long.parseLong(value);
            case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            case "connection" -> close = value.equalsIgnoreCase("close");
            default -> {
                // not needed to find the body's end
            }
        }
    }

    private void endOfHeaders() {
        if (status >= 100 && status < 200) {
            state = State.STATUS_LINE; // an interim response; the real one follows
        } else if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.FIXED_BODY;
        } else {
            state = State.CLOSE_BODY;
        }
    }
}
