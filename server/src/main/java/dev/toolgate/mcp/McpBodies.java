package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads MCP request bodies within the size limit, as sent (never inflated). */
final class McpBodies {
    private final long maxRequestBytes;

    McpBodies(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The body as JSON, or a rejection: 413 over the limit (declared or read), 400 with -32700 when unreadable. */
    JsonNode read(HttpCall ctx) {
        long declared = ctx.contentLength();
        if (declared > maxRequestBytes) {
            drain(ctx, declared);
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ctx.body()) {
            bytes = declared >= 0
                    ? readDeclared(in, (int) declared)
                    : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        } catch (IOException e) {
            throw new McpRejection(HttpRejection.of(400, JsonRpc.PARSE_ERROR, "Parse error: could not read the body"));
        }
        if (bytes.length > maxRequestBytes) {
            throw tooLarge();
        }
        try {
            return Json.parse(bytes);
        } catch (JacksonException e) {
            throw new McpRejection(HttpRejection.of(400, JsonRpc.PARSE_ERROR, "Parse error: body is not valid JSON"));
        }
    }

    /**
     * A body of known length read into an array of exactly that size: the usual case, and the hot path's (reading up to
     * the limit would allocate and copy buffers sized for the largest body allowed).
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        if (in.readNBytes(bytes, 0, length) < length) {
            throw new IOException("the body ended before its declared length");
        }
        return bytes;
    }

    /**
     * Reads and drops a refused body of modest size (up to 4 times the limit) before the 413 goes out: a connection
     * closed with unread request bytes is reset, and the reset can destroy the 413 before the client has read it.
     */
    private void drain(HttpCall ctx, long declared) {
        if (declared > 4 * maxRequestBytes) {
            return;
        }
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = ctx.body()) {
            while (in.read(buffer) >= 0) {
                // dropped
            }
        } catch (IOException ignored) {
            // the client went away; the 413 is moot
        }
    }

    private McpRejection tooLarge() {
        return new McpRejection(HttpRejection.of(
                413,
                JsonRpc.INVALID_REQUEST,
                "Payload Too Large: request bodies are limited to " + maxRequestBytes + " bytes"));
    }
}
