package dev.toolgate.http;

import dev.toolgate.mcp.HttpCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * An {@link HttpCall} straight on Jetty's core request and response, without the servlet layer: what the hot MCP POST
 * is served with. The response is collected, then written once by {@link #send}.
 */
final class JettyCall implements HttpCall {
    /**
     * A body left unread (the request was refused before it was read) is read and dropped up to this size before the
     * answer goes out; otherwise the connection would be closed under a client that may already be reusing it.
     */
    private static final long MAX_UNREAD_DRAINED = 1024 * 1024;

    private final Request request;
    private final Response response;
    private final String token;
    private ByteBuffer body = BufferUtil.EMPTY_BUFFER;
    private boolean bodyTaken;

    JettyCall(Request request, Response response, String token) {
        this.request = request;
        this.response = response;
        this.token = token;
        response.setStatus(200);
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public long contentLength() {
        return request.getLength();
    }

    @Override
    public InputStream body() {
        bodyTaken = true;
        return Content.Source.asInputStream(request);
    }

    @Override
    public int status() {
        return response.getStatus();
    }

    @Override
    public void status(int status) {
        response.setStatus(status);
    }

    @Override
    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public void result(String contentType, byte[] bytes) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        body = ByteBuffer.wrap(bytes);
    }

    private void drainUnread() {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long left = MAX_UNREAD_DRAINED;
            for (int n = in.read(buffer); n >= 0 && left > 0; n = in.read(buffer)) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away; nothing to keep alive
        }
    }

    /** Writes the response; {@code callback} completes when it is sent (or failed). */
    void send(Callback callback) {
        long declared = request.getLength();
        if (!bodyTaken && declared != 0 && declared <= MAX_UNREAD_DRAINED) {
            drainUnread(); // a larger one closes the connection instead
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body, callback);
    }
}
