package dev.toolgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One load-client thread driving many closed-loop connections with non-blocking sockets and a selector, as wrk does:
 * each connection sends its next call as soon as the last one is answered. A thread that blocks per connection costs
 * the client two context switches per call (0.03 ms of CPU per call measured with platform threads, 0.07-0.09 with
 * virtual threads, whose blocking reads go through the JDK's poller), CPU taken from the server under test on a
 * 2-core machine; a selector serves many answers per wake-up. Latency runs from the first byte written to the last
 * byte of the answer (for a 202-answered call, to its result's event on the session's GET stream).
 */
final class EventLoop implements Runnable {
    /** How long a result may take to arrive on a GET stream after the POST's 202 (a dropped one fails the call). */
    private static final long STREAM_TIMEOUT_NANOS = 2_000_000_000L;

    private static final long ANSWER_TIMEOUT_NANOS = 30_000_000_000L;

    private final List<Connection> connections = new ArrayList<>();
    private final LoadRunner.Phase phase;
    private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
    private Selector selector;
    long[] latencies = new long[1 << 14];
    int count;
    long errors;

    EventLoop(List<Target.Session> sessions, LoadRunner.Phase phase) {
        this.phase = phase;
        for (Target.Session session : sessions) {
            connections.add(new Connection(session));
        }
    }

    /** Opens the connections (and GET streams); throws when the server cannot be reached. */
    void open() throws IOException {
        selector = Selector.open();
        boolean streams = false;
        for (Connection c : connections) {
            c.connect();
            streams |= c.openStream();
        }
        if (streams) {
            // A server sends a 202-answered call's result only to GET streams it has registered by then, and sends no
            // headers before the first event: there is nothing to wait for but time.
            sleep(100);
        }
    }

    @Override
    public void run() {
        try {
            for (Connection c : connections) {
                c.send();
            }
            long nextSweep = System.nanoTime() + 100_000_000L;
            while (phase.value != LoadRunner.STOPPED) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    if (key.channel() == c.stream) {
                        c.onStreamReadable();
                    } else if (key.isValid() && key.isWritable()) {
                        c.onWritable();
                    } else if (key.isValid() && key.isReadable()) {
                        c.onReadable();
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now >= nextSweep) {
                    for (Connection c : connections) {
                        c.checkTimeout(now);
                    }
                    nextSweep = now + 100_000_000L;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the load client's selector failed", e);
        } finally {
            close();
        }
    }

    void close() {
        for (Connection c : connections) {
            c.close();
        }
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void record(long nanos, boolean ok) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
        if (!ok) {
            errors++;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One closed-loop connection: at most one call in flight. */
    private final class Connection {
        private final Target.Session session;
        private final ResponseParser answer = new ResponseParser();
        private SocketChannel channel;
        private SelectionKey key;
        private SocketChannel stream;
        private ResponseParser streamParser;
        private ByteBuffer out;
        private boolean inFlight;
        private boolean dead;
        private long started;
        private int startedPhase;
        private long deadline;
        /** After a 202: waiting for the result with this id marker on the stream. */
        private byte[] marker;

        private int postStatus;
        private boolean postDone;
        /** The stream's verdict on the call in flight, once its result event arrived: null before. */
        private Boolean streamAnswer;

        Connection(Target.Session session) {
            this.session = session;
        }

        void connect() throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(new InetSocketAddress(session.host(), session.port()));
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        /** Opens the session's GET stream if it has one; true if it did. */
        boolean openStream() throws IOException {
            byte[] request = session.streamRequest();
            if (request == null) {
                return false;
            }
            stream = SocketChannel.open(new InetSocketAddress(session.host(), session.port()));
            stream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer bytes = ByteBuffer.wrap(request);
            while (bytes.hasRemaining()) {
                stream.write(bytes);
            }
            stream.configureBlocking(false);
            stream.register(selector, SelectionKey.OP_READ, this);
            streamParser = new ResponseParser();
            return true;
        }

        void send() {
            if (dead || phase.value == LoadRunner.STOPPED) {
                return;
            }
            long id = McpSession.nextId();
            out = ByteBuffer.wrap(session.requests().apply(id));
            marker = stream == null ? null : ("\"id\":" + id).getBytes(StandardCharsets.US_ASCII);
            answer.reset();
            postDone = false;
            streamAnswer = null;
            inFlight = true;
            startedPhase = phase.value;
            started = System.nanoTime();
            deadline = started + ANSWER_TIMEOUT_NANOS;
            onWritable();
        }

        void onWritable() {
            try {
                channel.write(out);
            } catch (IOException e) {
                fail();
                return;
            }
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void onReadable() {
            in.clear();
            int n;
            try {
                n = channel.read(in);
                in.flip();
                if (n < 0) {
                    if (inFlight && !postDone && answer.endOfInput()) {
                        answered(true);
                    } else {
                        fail();
                    }
                    return;
                }
                if (inFlight && !postDone && answer.feed(in)) {
                    answered(answer.closes());
                }
            } catch (IOException | RuntimeException e) {
                fail();
            }
        }

        private void answered(boolean reconnect) {
            postDone = true;
            postStatus = answer.status();
            if (reconnect && !reconnect()) {
                complete(false);
                return;
            }
            if (postStatus == 202 && stream != null) {
                if (streamAnswer != null) {
                    complete(streamAnswer);
                } else {
                    deadline = System.nanoTime() + STREAM_TIMEOUT_NANOS;
                }
            } else {
                complete(session.verdict().ok(postStatus, answer.body(), answer.bodyLength()));
            }
        }

        void onStreamReadable() {
            in.clear();
            try {
                int n = stream.read(in);
                in.flip();
                if (n < 0) {
                    closeStream(); // the call waiting on it times out
                    return;
                }
                streamParser.feed(in);
                if (streamParser.headersRead() && streamParser.status() != 200) {
                    closeStream();
                    return;
                }
                events();
            } catch (IOException | RuntimeException e) {
                closeStream();
            }
        }

        /** Reads the complete events received so far; the one carrying the call's id settles it. */
        private void events() {
            byte[] data = streamParser.body();
            int length = streamParser.bodyLength();
            int start = 0;
            for (int i = 0; i + 1 < length; i++) {
                int end = data[i] == '\n' && data[i + 1] == '\n'
                        ? i + 2
                        : data[i] == '\n' && data[i + 1] == '\r' && i + 2 < length && data[i + 2] == '\n' ? i + 3 : -1;
                if (end > 0) {
                    event(Arrays.copyOfRange(data, start, i));
                    start = end;
                    i = end - 1;
                }
            }
            streamParser.consume(start);
        }

        private void event(byte[] event) {
            if (!inFlight || marker == null || streamAnswer != null || !carriesId(event)) {
                return;
            }
            streamAnswer = session.verdict().ok(200, event, event.length);
            if (postDone) {
                complete(streamAnswer);
            }
        }

        /** Whether the event holds {@code "id":<the call's id>} followed by a comma or a closing brace. */
        private boolean carriesId(byte[] event) {
            outer:
            for (int i = 0; i + marker.length < event.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (event[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                byte after = event[i + marker.length];
                if (after == ',' || after == '}') {
                    return true;
                }
            }
            return false;
        }

        void checkTimeout(long now) {
            if (inFlight && now > deadline) {
                if (postDone) {
                    complete(false); // the result never came on the stream
                } else {
                    fail();
                }
            }
        }

        /** The call in flight failed on the connection: count it, reconnect, go on. */
        private void fail() {
            boolean wasInFlight = inFlight;
            if (!reconnect()) {
                dead = true;
            }
            if (wasInFlight) {
                complete(false);
            }
        }

        private boolean reconnect() {
            closeChannel();
            if (phase.value == LoadRunner.STOPPED) {
                return false;
            }
            try {
                connect();
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private void complete(boolean ok) {
            inFlight = false;
            long elapsed = System.nanoTime() - started;
            if (startedPhase == LoadRunner.MEASURING && phase.value == LoadRunner.MEASURING) {
                record(elapsed, ok);
            }
            send();
        }

        void close() {
            closeChannel();
            closeStream();
        }

        private void closeChannel() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void closeStream() {
            try {
                if (stream != null) {
                    stream.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
