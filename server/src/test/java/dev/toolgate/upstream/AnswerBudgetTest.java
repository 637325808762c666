package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node's budget for large upstream answers: read-only answers that do not fit are refused with a clear error,
 * answers to anything else are always taken, small answers are never counted, and every answer gives its share back.
 */
class AnswerBudgetTest {
    private static final int LARGE = 300 * 1024; // above the free size
    private static final UpstreamLimits LIMITS =
            new UpstreamLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 1024 * 1024);

    private static Server upstream;
    private static int port;
    private static volatile CountDownLatch hold = new CountDownLatch(0);
    private static volatile CountDownLatch held = new CountDownLatch(0);

    private AnswerBudget budget;
    private HttpTransport transport;

    @BeforeAll
    static void start() throws Exception {
        upstream = new Server();
        ServerConnector connector = new ServerConnector(upstream);
        connector.setHost("127.0.0.1");
        upstream.addConnector(connector);
        upstream.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.consumeAll(request);
                String path = request.getHttpURI().getPath();
                int size = path.startsWith("/small") ? 10 * 1024 : LARGE;
                byte[] body = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                if (path.startsWith("/held")) {
                    // announces the whole size, sends a first part, then waits until the test lets it finish
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
                    try (Blocker.Callback first = Blocker.callback()) {
                        response.write(false, ByteBuffer.wrap(body, 0, 1024), first);
                        first.block();
                    }
                    held.countDown();
                    hold.await(10, TimeUnit.SECONDS);
                    response.write(true, ByteBuffer.wrap(body, 1024, size - 1024), callback);
                } else if (path.startsWith("/broken")) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
                    try (Blocker.Callback first = Blocker.callback()) {
                        response.write(false, ByteBuffer.wrap(body, 0, LARGE / 2), first);
                        first.block();
                    }
                    callback.failed(new IllegalStateException("the upstream broke off")); // connection dropped
                } else {
                    response.write(true, ByteBuffer.wrap(body), callback);
                }
                return true;
            }
        });
        upstream.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        upstream.stop();
    }

    @BeforeEach
    void transport() {
        budget = new AnswerBudget(LARGE + LARGE / 2); // room for one large answer, not two
        transport = new HttpTransport(LIMITS, new org.eclipse.jetty.util.ssl.SslContextFactory.Client(), budget);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        hold.countDown();
        transport.close();
    }

    @Test
    void readOnlyAnswerThatDoesNotFit_isRefused_andTheOneInFlightCompletes() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpTransport.Reply> first = holdOne(threads, "GET");

            HttpTransport.Reply second = transport.send(request("GET", "/big"));

            assertThat(second).isInstanceOfSatisfying(HttpTransport.Reply.Answered.class, answered -> {
                assertThat(answered.body().busy()).isTrue();
                assertThat(answered.body().bytes()).isEmpty();
            });
            assertThat(budget.used()).isEqualTo(LARGE); // only the held answer
            hold.countDown();
            HttpTransport.Reply.Answered done = (HttpTransport.Reply.Answered) first.get(10, TimeUnit.SECONDS);
            assertThat(done.body().bytes()).hasSize(LARGE);
            transport.release(done);
            assertThat(budget.used()).isZero();
        }
    }

    @Test
    void answerToAWrite_isAlwaysTaken_evenOverTheBudget() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpTransport.Reply> first = holdOne(threads, "GET");

            HttpTransport.Reply.Answered post = (HttpTransport.Reply.Answered) transport.send(request("POST", "/big"));

            assertThat(post.body().busy()).isFalse();
            assertThat(post.body().bytes()).hasSize(LARGE);
            assertThat(budget.used()).isEqualTo(2L * LARGE); // over the capacity, on purpose
            transport.release(post);
            hold.countDown();
            transport.release((HttpTransport.Reply.Answered) first.get(10, TimeUnit.SECONDS));
            assertThat(budget.used()).isZero();
        }
    }

    @Test
    void smallAnswers_areNeverCounted_norRefused() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpTransport.Reply> first = holdOne(threads, "GET");

            HttpTransport.Reply.Answered small =
                    (HttpTransport.Reply.Answered) transport.send(request("GET", "/small"));

            assertThat(small.body().busy()).isFalse();
            assertThat(small.body().bytes()).hasSize(10 * 1024);
            assertThat(small.body().taken()).isZero();
            hold.countDown();
            transport.release((HttpTransport.Reply.Answered) first.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void answerThatBreaksOff_givesItsShareBack() {
        HttpTransport.Reply reply = transport.send(request("GET", "/broken"));

        assertThat(reply).isInstanceOf(HttpTransport.Reply.NoAnswer.class);
        assertThat(budget.used()).isZero();
        assertThat(transport.send(request("GET", "/big")))
                .isInstanceOfSatisfying(
                        HttpTransport.Reply.Answered.class,
                        a -> assertThat(a.body().busy()).isFalse());
    }

    @Test
    void refusedAnswer_becomesAFailureThatSaysWhatToDo() {
        var reader = new ResponseReader(new RateLimitReader(java.time.Clock.systemUTC()), LIMITS);
        var busy = new HttpTransport.Reply.Answered(200, org.eclipse.jetty.http.HttpFields.EMPTY, CappedBody.BUSY);

        CallOutcome outcome = reader.read(busy, null, null, (ObjectNode) null);

        assertThat(outcome)
                .isEqualTo(
                        new CallOutcome.Failed(
                                "the gateway is reading other large upstream answers right now and"
                                        + " had no room for this one; try again in a moment, or ask for less (e.g. a smaller `limit`)"));
    }

    @Test
    void forHeap_isASixteenthOfTheHeap_butAlwaysRoomForOneAnswerAtTheCap() {
        assertThat(AnswerBudget.forHeap(96L << 20, 5L << 20).capacity()).isEqualTo(6L << 20);
        assertThat(AnswerBudget.forHeap(32L << 20, 5L << 20).capacity()).isEqualTo(5L << 20);
    }

    /** Starts a large answer that stays in flight (its size taken from the budget) until {@link #hold} is counted down. */
    private Future<HttpTransport.Reply> holdOne(java.util.concurrent.ExecutorService threads, String verb)
            throws InterruptedException {
        hold = new CountDownLatch(1);
        held = new CountDownLatch(1);
        Future<HttpTransport.Reply> first = threads.submit(() -> transport.send(request(verb, "/held")));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (budget.used() < LARGE && System.nanoTime() < deadline) {
            Thread.sleep(5); // the headers reach the client just after the upstream sent them
        }
        assertThat(budget.used()).isEqualTo(LARGE);
        return first;
    }

    private static UpstreamRequest request(String verb, String path) {
        Optional<UpstreamRequest.Body> body = verb.equals("POST")
                ? Optional.of(new UpstreamRequest.Body("application/json", "{}".getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new UpstreamRequest(verb, URI.create("http://127.0.0.1:" + port + path), List.of(), body);
    }
}
