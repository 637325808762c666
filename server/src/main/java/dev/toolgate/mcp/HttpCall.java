package dev.toolgate.mcp;

import java.io.InputStream;
import java.util.List;

/**
 * The parts of one HTTP request and its response that the MCP endpoints use, so the same code answers a request
 * whether it came through the web framework ({@link JavalinCall}) or straight from the HTTP server on the hot path
 * ({@link JettyCall}). One per request, on the request's thread.
 */
public interface HttpCall {
    String method();

    /** The first value of a request header, any case of its name; null when absent. */
    String header(String name);

    /** Every value of a request header, in order. */
    List<String> headers(String name);

    /** The secret {@code {token}} segment of {@code /mcp/{token}...}. */
    String token();

    /** The declared request body length; -1 when not declared (chunked). */
    long contentLength();

    /** The request body, read once. */
    InputStream body();

    /** The response status so far (200 until set). */
    int status();

    void status(int status);

    /** Sets a response header (replacing one of the same name). */
    void header(String name, String value);

    /** The response body and its media type; without a call the response has no body. */
    void result(String contentType, byte[] body);
}
