package dev.toolgate.mcp;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

/** An {@link HttpCall} over a Javalin context: the MCP routes other than the hot POST. */
record JavalinCall(Context ctx) implements HttpCall {
    @Override
    public String method() {
        return ctx.method().name();
    }

    @Override
    public String header(String name) {
        return ctx.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    @Override
    public String token() {
        return ctx.pathParam("token");
    }

    @Override
    public long contentLength() {
        return ctx.req().getContentLengthLong();
    }

    @Override
    public InputStream body() {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int status() {
        return ctx.statusCode();
    }

    @Override
    public void status(int status) {
        ctx.status(status);
    }

    @Override
    public void header(String name, String value) {
        ctx.header(name, value);
    }

    @Override
    public void result(String contentType, byte[] body) {
        ctx.contentType(contentType).result(body);
    }
}
