package dev.toolgate.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The load client's response parser, fed the way non-blocking reads deliver bytes: in arbitrary pieces. */
class ResponseParserTest {
    private static final String JSON =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n" + "\r\n{\"result\":1}";

    @Test
    void contentLengthBodyFedOneByteAtATime() throws IOException {
        ResponseParser parser = new ResponseParser();
        byte[] bytes = JSON.substring(0, JSON.length() - 1).getBytes(UTF_8); // Content-Length 11 of the 12-byte body
        boolean done = false;
        for (int i = 0; i < bytes.length; i++) {
            done = parser.feed(ByteBuffer.wrap(bytes, i, 1));
            assertThat(done).as("complete after byte %d", i).isEqualTo(i == bytes.length - 1);
        }
        assertThat(done).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(new String(parser.bodyBytes(), UTF_8)).isEqualTo("{\"result\":1");
        assertThat(parser.closes()).isFalse();
    }

    @Test
    void chunkedBodyWithTrailersAndLeftoverBytesKept() throws IOException {
        ResponseParser parser = new ResponseParser();
        ByteBuffer in = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\nNEXT")
                .getBytes(UTF_8));
        assertThat(parser.feed(in)).isTrue();
        assertThat(new String(parser.bodyBytes(), UTF_8)).isEqualTo("hello world");
        assertThat(in.remaining()).as("the next response's bytes stay unread").isEqualTo(4);
    }

    @Test
    void interimResponseSkippedAndResetReadsTheNextResponse() throws IOException {
        ResponseParser parser = new ResponseParser();
        assertThat(parser.feed(ByteBuffer.wrap(("HTTP/1.1 100 Continue\r\n\r\n" + JSON).getBytes(UTF_8))))
                .isTrue();
        assertThat(parser.status()).isEqualTo(200);
        parser.reset();
        assertThat(parser.feed(ByteBuffer.wrap("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(UTF_8))))
                .isTrue();
        assertThat(parser.status()).isEqualTo(202);
        assertThat(parser.bodyLength()).isZero();
    }

    @Test
    void closeDelimitedBodyEndsWithTheConnection() throws IOException {
        ResponseParser parser = new ResponseParser();
        assertThat(parser.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nabc".getBytes(UTF_8))))
                .isFalse();
        assertThat(parser.closes()).isTrue();
        assertThat(parser.endOfInput()).isTrue();
        assertThat(new String(parser.bodyBytes(), UTF_8)).isEqualTo("abc");
    }

    @Test
    void streamBodyConsumedFromTheFront() throws IOException {
        ResponseParser parser = new ResponseParser();
        parser.feed(ByteBuffer.wrap(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\ndata: {}\n\r\n".getBytes(UTF_8)));
        assertThat(parser.headersRead()).isTrue();
        assertThat(parser.bodyLength()).isEqualTo(9);
        parser.consume(6);
        parser.feed(ByteBuffer.wrap("2\r\n\n\n\r\n".getBytes(UTF_8)));
        assertThat(new String(parser.bodyBytes(), UTF_8)).isEqualTo("{}\n\n\n");
    }

    @Test
    void notHttpIsRefused() {
        assertThatThrownBy(() -> new ResponseParser().feed(ByteBuffer.wrap("SSH-2.0-x\r\n".getBytes(UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an HTTP response");
    }
}
