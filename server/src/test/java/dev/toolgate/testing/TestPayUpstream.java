package dev.toolgate.testing;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationLoader;
import dev.toolgate.upstream.AccountAccess;
import dev.toolgate.upstream.Credentials;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A real local HTTP server emulating the API of the {@code testpay} fixture ({@code
 * fixtures/integrations/testpay.json}): every method of it, with seeded, mutable in-memory data (see
 * {@link TestPaySeed}). Stripe-like under {@code /v1} (Bearer key, form bodies, cursor lists, search), Finexio/Plastiq
 * -like under {@code /v2} (JSON bodies, page and offset lists). Listens on 127.0.0.1, random port.
 *
 * <pre>{@code
 * try (var upstream = new TestPayUpstream().start()) {
 *     AccountAccess account = upstream.account();           // fixture definition + this base URL + the API key
 *     ... call it ...
 *     assertThat(upstream.requests()).singleElement()
 *             .satisfies(r -> assertThat(r.form().at("/address/city").asString()).isEqualTo("Paris"));
 * }
 * }</pre>
 *
 * <p>Every request is recorded before any handling ({@link #requests()}), then scripted replies run in order
 * ({@link #rateLimitNext}, {@link #delayNext}, {@link #replyNext}, {@link #replyNextLarge}), then the API key is
 * checked ({@code Authorization: Bearer <key>}, else 401). Thread-safe.
 */
public final class TestPayUpstream implements AutoCloseable {
    /** The API key a no-argument instance accepts. */
    public static final String DEFAULT_API_KEY = "sk_test_toolgate_4eC39HqLyjWDarjtT1zdp7dc";
    /** Class-path location of the integration definition this server emulates. */
    public static final String DEFINITION = "/fixtures/integrations/testpay.json";

    private final String apiKey;
    private final TestPayStore store = new TestPayStore();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<ScriptedReply> scripts = new ConcurrentLinkedQueue<>();
    private volatile Javalin app;

    public TestPayUpstream() {
        this(DEFAULT_API_KEY);
    }

    /** @param apiKey the only key accepted, e.g. {@code sk_test_abc} */
    public TestPayUpstream(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    /** Starts listening on 127.0.0.1 and a free port; returns this. */
    public TestPayUpstream start() {
        app = Javalin.create(cfg -> {
                    cfg.jetty.host = "127.0.0.1";
                    cfg.startup.showJavalinBanner = false;
                    cfg.concurrency.useVirtualThreads = true;
                    cfg.routes.before(this::intercept);
                    cfg.routes.exception(TestPayError.class, (e, ctx) -> Replies.json(ctx, e.status(), e.body()));
                    new V1Routes(store).register(cfg.routes);
                    new V2Routes(store).register(cfg.routes);
                })
                .start(0);
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public String apiKey() {
        return apiKey;
    }

    /** The testpay integration definition, loaded from the fixture. */
    public static IntegrationDefinition definition() {
        try (InputStream in = TestPayUpstream.class.getResourceAsStream(DEFINITION)) {
            return new IntegrationLoader()
                    .load("testpay.json", Objects.requireNonNull(in, DEFINITION).readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An account of the testpay integration pointing at this server, with its API key. */
    public AccountAccess account() {
        return new AccountAccess(definition(), URI.create(baseUrl()), new Credentials(Map.of("api_key", apiKey)));
    }

    /** Every request received since start or the last {@link #clear()}, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets recorded requests and pending scripted replies (data stays as it is). */
    public void clear() {
        requests.clear();
        scripts.clear();
    }

    /** The next {@code count} requests answer 429 with these headers and a Stripe-like error body. */
    public void rateLimitNext(int count, Map<String, String> headers) {
        byte[] body = ("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many"
                        + " requests hit the API too quickly.\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", Replies.JSON);
        for (int i = 0; i < count; i++) {
            scripts.add(canned(Duration.ZERO, 429, all, body));
        }
    }

    /** The next request is held for {@code delay}, then handled normally (for timeout tests). */
    public void delayNext(Duration delay) {
        scripts.add(new ScriptedReply(delay, Optional.empty()));
    }

    /** The next request gets exactly this answer (e.g. 200 with {@code text/html}, or a 500). */
    public void replyNext(int status, String contentType, String body) {
        replyNext(status, Map.of("Content-Type", contentType), body);
    }

    /** The next request gets exactly this answer, with these headers (e.g. rate-limit headers on a 200). */
    public void replyNext(int status, Map<String, String> headers, String body) {
        scripts.add(canned(Duration.ZERO, status, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The next request gets a 200 JSON body of exactly {@code bytes} bytes (a JSON string), generated on the fly;
     * announced by {@code Content-Length} or streamed chunked without one.
     */
    public void replyNextLarge(long bytes, boolean announceLength) {
        var canned = new ScriptedReply.Canned(
                200,
                Map.of("Content-Type", Replies.JSON),
                () -> new JsonStringStream(bytes),
                announceLength ? OptionalLong.of(bytes) : OptionalLong.empty());
        scripts.add(new ScriptedReply(Duration.ZERO, Optional.of(canned)));
    }

    /** A copy of a customer as currently stored, or empty if there is none (deleted or never created). */
    public Optional<JsonNode> customer(String id) {
        return find(() -> store.customer(id));
    }

    /** A copy of a charge as currently stored. */
    public Optional<JsonNode> charge(String id) {
        return find(() -> store.charge(id));
    }

    /** Copies of all invoices, oldest first. */
    public List<JsonNode> invoices() {
        return List.copyOf(store.invoices());
    }

    /** The current balance object. */
    public JsonNode balance() {
        return store.balance();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    private void intercept(Context ctx) throws InterruptedException {
        requests.add(record(ctx));
        ScriptedReply script = scripts.poll();
        if (script != null) {
            Thread.sleep(script.delay());
            if (script.canned().isPresent()) {
                send(ctx, script.canned().get());
                ctx.skipRemainingHandlers();
                return;
            }
        }
        if (!("Bearer " + apiKey).equals(ctx.header("Authorization"))) {
            ctx.skipRemainingHandlers();
            throw TestPayError.invalid(401, "Invalid API Key provided", null);
        }
    }

    private static RecordedRequest record(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        return new RecordedRequest(ctx.method().name(), ctx.req().getRequestURI(), query, headers, ctx.bodyAsBytes());
    }

    private static void send(Context ctx, ScriptedReply.Canned canned) {
        ctx.status(canned.status());
        canned.headers().forEach(ctx::header);
        canned.length().ifPresent(n -> ctx.header("Content-Length", Long.toString(n)));
        ctx.result(canned.body().get());
    }

    private static ScriptedReply canned(Duration delay, int status, Map<String, String> headers, byte[] body) {
        return new ScriptedReply(
                delay,
                Optional.of(new ScriptedReply.Canned(
                        status, headers, () -> new ByteArrayInputStream(body), OptionalLong.of(body.length))));
    }

    private static Optional<JsonNode> find(Supplier<JsonNode> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (TestPayError e) {
            return Optional.empty();
        }
    }
}
